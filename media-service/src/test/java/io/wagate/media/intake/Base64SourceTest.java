package io.wagate.media.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.media.error.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Base64SourceTest {

    private static final byte[] BYTES = "hello, voice note".getBytes(StandardCharsets.UTF_8);

    @Test
    void plainBase64Decodes() throws IOException {
        assertThat(decode(Base64.getEncoder().encodeToString(BYTES))).isEqualTo(BYTES);
    }

    @Test
    void lineBreaksAreSkipped() throws IOException {
        String wrapped = Base64.getMimeEncoder(8, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(BYTES);

        assertThat(wrapped).contains("\r\n");
        assertThat(decode(wrapped)).isEqualTo(BYTES);
    }

    @Test
    void aDataUrlGivesItsTypeAsAHint() throws IOException {
        Base64Source source = Base64Source.parse(
                "data:image/png;base64," + Base64.getEncoder().encodeToString(BYTES));

        assertThat(source.declaredType()).isEqualTo("image/png");
        try (InputStream in = source.decoded()) {
            assertThat(in.readAllBytes()).isEqualTo(BYTES);
        }
    }

    @Test
    void aDataUrlThatIsNotBase64IsRefused() {
        assertThatThrownBy(() -> Base64Source.parse("data:text/plain,hello"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void charactersOutsideTheAlphabetFailTheRead() {
        assertThatThrownBy(() -> decode("aGVsbG8*IHdvcmxk")).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> decode("aGVsbG8\u00e9")).isInstanceOf(IOException.class);
    }

    @Test
    void theLengthEstimateNeverExceedsTheDecodedLength() {
        for (int size : new int[] {0, 1, 2, 3, 100, 4096, 100_000}) {
            String mime = Base64.getMimeEncoder().encodeToString(new byte[size]);
            assertThat(Base64Source.parse(mime).decodedLengthAtLeast()).isLessThanOrEqualTo(size);
        }
    }

    private static byte[] decode(String text) throws IOException {
        try (InputStream in = Base64Source.parse(text).decoded()) {
            return in.readAllBytes();
        }
    }
}
