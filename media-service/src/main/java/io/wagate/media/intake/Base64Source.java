package io.wagate.media.intake;

import io.micronaut.core.annotation.Nullable;
import io.wagate.media.error.ApiException;
import java.io.InputStream;
import java.util.Base64;

/**
 * Base64 media as a stream of its decoded bytes. Whitespace (line breaks) is skipped; any other
 * character outside the alphabet fails the read. A {@code data:<type>;base64,} prefix is accepted and
 * its type kept as a hint.
 */
record Base64Source(String text, int start, @Nullable String declaredType) {

    static Base64Source parse(String value) {
        if (!value.regionMatches(true, 0, "data:", 0, 5)) {
            return new Base64Source(value, 0, null);
        }
        int comma = value.indexOf(',');
        if (comma < 0) {
            throw ApiException.invalidField("base64", "a data: URL needs a comma before its data");
        }
        String header = value.substring(5, comma);
        if (!header.toLowerCase(java.util.Locale.ROOT).endsWith(";base64")) {
            throw ApiException.invalidField("base64", "a data: URL must be base64-encoded (;base64,)");
        }
        String type = header.substring(0, header.indexOf(';')).strip();
        return new Base64Source(value, comma + 1, type.isEmpty() ? null : type);
    }

    /** At least how many bytes this decodes to, counted without decoding (nor copying) it. */
    long decodedLengthAtLeast() {
        long characters = 0;
        for (int i = start; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                characters++;
            }
        }
        return Math.max(0, characters * 3 / 4 - 2); // up to two '=' of padding decode to nothing
    }

    InputStream decoded() {
        return Base64.getDecoder().wrap(new NonWhitespace(text, start));
    }

    /** The characters of a string as bytes, skipping whitespace; no copy of the string is made. */
    private static final class NonWhitespace extends InputStream {

        private final String text;
        private int position;

        NonWhitespace(String text, int start) {
            this.text = text;
            this.position = start;
        }

        @Override
        public int read() {
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (!Character.isWhitespace(c)) {
                    return c > 0xFF ? '!' : c; // '!' is outside the alphabet: the decoder refuses it
                }
            }
            return -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int count = 0;
            while (count < length) {
                int next = read();
                if (next < 0) {
                    return count == 0 ? -1 : count;
                }
                buffer[offset + count++] = (byte) next;
            }
            return count;
        }
    }
}
