package io.wagate.media.format;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.media.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeDetectorTest {

    private final TypeDetector detector = new TypeDetector();

    @TempDir
    Path directory;

    @Test
    void imagesAreKnownByTheirBytes() throws IOException {
        assertThat(detect(Fixtures.jpeg(20, 20), null, null)).isEqualTo("image/jpeg");
        assertThat(detect(Fixtures.png(20, 20), null, null)).isEqualTo("image/png");
        assertThat(detect(Fixtures.webp(20, 20), null, null)).isEqualTo("image/webp");
    }

    @Test
    void documentsAndVideosAreKnownByTheirBytes() throws IOException {
        assertThat(detect(Fixtures.pdf(1000), null, null)).isEqualTo("application/pdf");
        assertThat(detect(Fixtures.mp4(1000), null, null)).isEqualTo("video/mp4");
        assertThat(detect(isoMedia("mp42"), null, null)).isEqualTo("video/mp4");
        assertThat(detect(isoMedia("3gp5"), null, null)).isEqualTo("video/3gpp");
        assertThat(detect(isoMedia("M4A "), null, null)).isEqualTo("audio/mp4");
        assertThat(detect(isoMedia("qt  "), null, null)).isEqualTo("video/quicktime");
        assertThat(detect("#!AMR\n\u003c\u0000\u0000".getBytes(StandardCharsets.ISO_8859_1), null, null))
                .isEqualTo("audio/amr");
        assertThat(detect(Fixtures.wav(0.1), null, null)).isEqualTo("audio/vnd.wave");
    }

    @Test
    void anOggStreamIsKnownByItsCodec() throws IOException {
        assertThat(detect(oggFirstPage("OpusHead"), null, null)).isEqualTo("audio/opus");
        assertThat(detect(oggFirstPage("\u0001vorbis"), null, null)).isEqualTo("audio/vorbis");
        // A name saying Vorbis does not turn Opus bytes into Vorbis.
        assertThat(detect(oggFirstPage("OpusHead"), "note.ogg", "audio/ogg")).isEqualTo("audio/opus");
    }

    @Test
    void aNameCannotMakeAnExecutableAPdf() throws IOException {
        assertThat(detect(Fixtures.elf(), "invoice.pdf", "application/pdf"))
                .isNotEqualTo("application/pdf")
                .satisfies(
                        type -> assertThat(MediaFormats.acceptedByAnyKind(type)).isFalse());
    }

    @Test
    void aNameCannotVouchForBytesNothingRecognises() throws IOException {
        byte[] noise = new byte[2048];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = (byte) 0x8f; // no format starts like this

        assertThat(detect(noise, "photo.jpg", "image/jpeg")).isEqualTo(TypeDetector.UNKNOWN);
    }

    @Test
    void aNameNarrowsWhatTheBytesLeaveOpen() throws IOException {
        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        byte[] csv = "name,phone\nAna,5511999999999\n".getBytes(StandardCharsets.UTF_8);

        assertThat(detect(docx, "contract.docx", null))
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(detect(csv, null, null)).isEqualTo("text/plain");
        assertThat(detect(csv, "contacts.csv", null)).isEqualTo("text/csv");
        assertThat(detect(csv, null, "text/csv")).isEqualTo("text/csv");
        // A declared type that contradicts the bytes is ignored.
        assertThat(detect(Fixtures.png(10, 10), "x.jpg", "image/jpeg")).isEqualTo("image/png");
    }

    private String detect(byte[] bytes, String filename, String declared) throws IOException {
        Path file = Files.write(directory.resolve("media-" + System.nanoTime()), bytes);
        return detector.detect(file, filename, declared);
    }

    /** An ISO base media file whose ftyp box has this major brand. */
    private static byte[] isoMedia(String brand) {
        byte[] bytes = Fixtures.mp4(256);
        System.arraycopy(brand.getBytes(StandardCharsets.US_ASCII), 0, bytes, 8, 4);
        return bytes;
    }

    /** The first page of an Ogg stream whose one packet starts with {@code codecHeader}. */
    private static byte[] oggFirstPage(String codecHeader) {
        byte[] packet = (codecHeader + "\u0001\u0001\u0038\u0001\u0080\u00bb\u0000\u0000\u0000\u0000\u0000")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream page = new ByteArrayOutputStream();
        page.writeBytes("OggS".getBytes(StandardCharsets.US_ASCII));
        page.write(0); // version
        page.write(2); // first page of the stream
        page.writeBytes(new byte[8 + 4 + 4 + 4]); // granule position, serial, sequence, checksum
        page.write(1); // one segment
        page.write(packet.length);
        page.writeBytes(packet);
        return page.toByteArray();
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write("<xml/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
