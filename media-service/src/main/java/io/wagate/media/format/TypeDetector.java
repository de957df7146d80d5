package io.wagate.media.format;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * Tells what media is from its bytes (Tika's magic numbers). A filename or a declared type never
 * overrules the bytes; it may only narrow what they leave open (a ZIP that is a .docx, text that is a
 * .csv). Bytes nothing recognises stay {@code application/octet-stream}.
 */
@Singleton
public final class TypeDetector {

    public static final String UNKNOWN = MediaType.OCTET_STREAM.toString();

    private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();
    private static final MediaTypeRegistry REGISTRY = TYPES.getMediaTypeRegistry();
    private static final MediaType OGG = MediaType.application("ogg");
    /** An Ogg stream's first page: 27 bytes of header, 1 segment length, then the codec's id header. */
    private static final int OGG_CODEC_OFFSET = 28;

    private static final MediaType QUICKTIME = MediaType.video("quicktime");
    private static final Set<String> MP4_BRANDS =
            Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "dash", "M4V ", "MSNV");

    private static final byte[] OGG_CAPTURE = "OggS".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OPUS_HEAD = "OpusHead".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VORBIS_HEAD = "\u0001vorbis".getBytes(StandardCharsets.US_ASCII);

    public String detect(Path file, @Nullable String filename, @Nullable String declaredType) throws IOException {
        byte[] head;
        MediaType magic;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            in.mark(OGG_CODEC_OFFSET + OPUS_HEAD.length);
            head = in.readNBytes(OGG_CODEC_OFFSET + OPUS_HEAD.length);
            in.reset();
            magic = TYPES.detect(in, new Metadata()).getBaseType();
        }
        MediaType type = isoBrand(oggCodec(magic, head), head);
        return narrowedByHints(type, filename, declaredType).toString();
    }

    /**
     * Tika's magic for Ogg codecs does not match what encoders write, so an Ogg stream comes back as
     * plain {@code application/ogg}; the first page names the codec, which is what WhatsApp cares about.
     */
    private static MediaType oggCodec(MediaType magic, byte[] head) {
        if (!REGISTRY.isInstanceOf(magic, OGG) || !startsWith(head, 0, OGG_CAPTURE)) {
            return magic;
        }
        if (startsWith(head, OGG_CODEC_OFFSET, OPUS_HEAD)) {
            return MediaType.audio("opus");
        }
        if (startsWith(head, OGG_CODEC_OFFSET, VORBIS_HEAD)) {
            return MediaType.audio("vorbis");
        }
        return magic;
    }

    /**
     * An ISO media file names what it is in its {@code ftyp} box; Tika's magic knows only two of the
     * brands, so the everyday {@code isom} MP4 (ffmpeg, Android) would otherwise pass for QuickTime.
     */
    private static MediaType isoBrand(MediaType magic, byte[] head) {
        if (!REGISTRY.isInstanceOf(magic, QUICKTIME)
                || head.length < 12
                || !new String(head, 4, 4, StandardCharsets.US_ASCII).equals("ftyp")) {
            return magic;
        }
        String brand = new String(head, 8, 4, StandardCharsets.US_ASCII);
        if (MP4_BRANDS.contains(brand)) {
            return MediaType.video("mp4");
        }
        if (brand.equals("M4A ") || brand.equals("M4B ")) {
            return MediaType.audio("mp4");
        }
        if (brand.startsWith("3gp")) {
            return MediaType.video("3gpp");
        }
        return magic;
    }

    private static MediaType narrowedByHints(
            MediaType magic, @Nullable String filename, @Nullable String declaredType) {
        if (magic.equals(MediaType.OCTET_STREAM)) {
            return magic; // unknown bytes: a name cannot vouch for them
        }
        return Stream.of(byName(filename), byDeclaration(declaredType))
                .flatMap(Optional::stream)
                .filter(hint -> REGISTRY.isSpecializationOf(hint, magic))
                .findFirst()
                .orElse(magic);
    }

    private static Optional<MediaType> byName(@Nullable String filename) {
        if (filename == null || filename.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TYPES.getMimeType(filename).getType());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<MediaType> byDeclaration(@Nullable String declaredType) {
        if (declaredType == null || declaredType.isBlank()) {
            return Optional.empty();
        }
        MediaType parsed = MediaType.parse(declaredType);
        if (parsed == null) {
            return Optional.empty();
        }
        // Aliases (audio/aac for audio/x-aac) become the registered name.
        return Optional.of(REGISTRY.normalize(parsed.getBaseType()));
    }

    private static boolean startsWith(byte[] bytes, int offset, byte[] prefix) {
        return bytes.length >= offset + prefix.length
                && Arrays.equals(bytes, offset, offset + prefix.length, prefix, 0, prefix.length);
    }
}
