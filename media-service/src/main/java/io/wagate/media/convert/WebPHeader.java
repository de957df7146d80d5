package io.wagate.media.convert;

import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The canvas size of a WebP and whether it is animated, read from its RIFF header (the formats of
 * the VP8, VP8L and VP8X chunks are in Google's WebP container specification).
 */
record WebPHeader(int width, int height, boolean animated) {

    private static final int HEADER_BYTES = 30;
    private static final int ANIMATION_FLAG = 0x02;

    static WebPHeader read(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_BYTES);
        }
        return parse(head);
    }

    static WebPHeader parse(byte[] head) {
        if (head.length < HEADER_BYTES
                || !ascii(head, 0, 4).equals("RIFF")
                || !ascii(head, 8, 4).equals("WEBP")) {
            throw invalid();
        }
        return switch (ascii(head, 12, 4)) {
            case "VP8X" ->
                new WebPHeader(
                        1 + uint24(head, 24), 1 + uint24(head, 27), (head[20] & ANIMATION_FLAG) == ANIMATION_FLAG);
            case "VP8 " -> new WebPHeader(uint16(head, 26) & 0x3FFF, uint16(head, 28) & 0x3FFF, false);
            case "VP8L" -> {
                int bits = uint16(head, 21) | (uint16(head, 23) << 16);
                yield new WebPHeader(1 + (bits & 0x3FFF), 1 + ((bits >>> 14) & 0x3FFF), false);
            }
            default -> throw invalid();
        };
    }

    private static String ascii(byte[] bytes, int offset, int length) {
        return new String(bytes, offset, length, StandardCharsets.US_ASCII);
    }

    private static int uint16(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFF) | (bytes[offset + 1] & 0xFF) << 8;
    }

    private static int uint24(byte[] bytes, int offset) {
        return uint16(bytes, offset) | (bytes[offset + 2] & 0xFF) << 16;
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "the WebP header is not valid");
    }
}
