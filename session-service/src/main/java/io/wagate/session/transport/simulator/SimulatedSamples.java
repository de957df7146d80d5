package io.wagate.session.transport.simulator;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Tiny but real files the simulated phones send (tests may send them too): each starts the way its
 * format does, so a type detector reading the bytes (media-service's) sees what the mimetype says.
 */
public final class SimulatedSamples {

    /** A 1×1 PNG. */
    private static final byte[] PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    /** A 1×1 lossless WebP. */
    private static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    /** An MP4 holding an ftyp box and an empty media box. */
    private static final byte[] MP4 =
            concat(box("ftyp", ascii("mp42"), new byte[] {0, 0, 0, 0}, ascii("mp42"), ascii("isom")), box("mdat"));

    /** An MP3: an ID3v2 tag, then one silent MPEG-1 Layer III frame (128 kbit/s, 44.1 kHz). */
    private static final byte[] MP3 = concat(
            new byte[] {'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0},
            frame(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x64}, 417));

    /** An Ogg/Opus stream: its identification and comment headers, each on a page of its own. */
    private static final byte[] OGG_OPUS = concat(
            oggPage(0x02, 0, opusHead()),
            oggPage(0x04, 1, concat(ascii("OpusTags"), le32(6), ascii("wagate"), le32(0))));

    private static final byte[] PDF =
            ascii("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private SimulatedSamples() {}

    /** A 1×1 PNG ({@code image/png}). */
    public static byte[] png() {
        return PNG.clone();
    }

    /** A 1×1 lossless WebP ({@code image/webp}), as a sticker must be. */
    public static byte[] webp() {
        return WEBP.clone();
    }

    /** An MP4 ({@code video/mp4}). */
    public static byte[] mp4() {
        return MP4.clone();
    }

    /** An MP3 ({@code audio/mpeg}). */
    public static byte[] mp3() {
        return MP3.clone();
    }

    /** Ogg/Opus ({@code audio/ogg; codecs=opus}), as a voice note must be. */
    public static byte[] oggOpus() {
        return OGG_OPUS.clone();
    }

    /** A PDF ({@code application/pdf}). */
    public static byte[] pdf() {
        return PDF.clone();
    }

    public static boolean isWebp(byte[] head) {
        return startsWith(head, 0, "RIFF") && startsWith(head, 8, "WEBP");
    }

    public static boolean isOggOpus(byte[] head) {
        return startsWith(head, 0, "OggS") && startsWith(head, 28, "OpusHead");
    }

    private static boolean startsWith(byte[] bytes, int offset, String magic) {
        byte[] expected = ascii(magic);
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[offset + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] opusHead() {
        ByteBuffer head = ByteBuffer.allocate(19).order(ByteOrder.LITTLE_ENDIAN);
        head.put(ascii("OpusHead"))
                .put((byte) 1)
                .put((byte) 1)
                .putShort((short) 312)
                .putInt(48_000);
        head.putShort((short) 0).put((byte) 0);
        return head.array();
    }

    /** One Ogg page holding one packet, with the checksum Ogg demands. */
    private static byte[] oggPage(int headerType, int sequence, byte[] packet) {
        ByteBuffer page = ByteBuffer.allocate(27 + 1 + packet.length).order(ByteOrder.LITTLE_ENDIAN);
        page.put(ascii("OggS")).put((byte) 0).put((byte) headerType).putLong(0);
        page.putInt(0x77616761).putInt(sequence).putInt(0);
        page.put((byte) 1).put((byte) packet.length).put(packet);
        byte[] bytes = page.array();
        ByteBuffer.wrap(bytes, 22, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(oggCrc(bytes));
        return bytes;
    }

    /** CRC-32 with polynomial 0x04C11DB7, no reflection, initial value 0: Ogg's own. */
    private static int oggCrc(byte[] bytes) {
        int crc = 0;
        for (byte b : bytes) {
            crc ^= (b & 0xFF) << 24;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x80000000) != 0 ? (crc << 1) ^ 0x04C11DB7 : crc << 1;
            }
        }
        return crc;
    }

    private static byte[] box(String type, byte[]... payload) {
        byte[] body = concat(payload);
        return concat(ByteBuffer.allocate(4).putInt(8 + body.length).array(), ascii(type), body);
    }

    private static byte[] frame(byte[] header, int length) {
        byte[] frame = new byte[length];
        System.arraycopy(header, 0, frame, 0, header.length);
        return frame;
    }

    private static byte[] le32(int value) {
        return ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(value)
                .array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        var out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
