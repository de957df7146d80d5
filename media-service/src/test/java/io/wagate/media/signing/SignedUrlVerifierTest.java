package io.wagate.media.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SignedUrlVerifierTest {

    private static final byte[] KEY = "a key of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    private final SignedUrlVerifier verifier = new SignedUrlVerifier(KEY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLinkSignedAsCommonMdSaysIsAccepted() throws Exception {
        long expires = NOW.getEpochSecond() + 3600;
        // HMAC-SHA256(key, id + "." + expires), base64url without padding: computed here independently.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String signature = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(("med_01ABC." + expires).getBytes(StandardCharsets.UTF_8)));

        assertThatCode(() -> verifier.verify("med_01ABC", Long.toString(expires), signature))
                .doesNotThrowAnyException();
        assertThat(verifier.sign("med_01ABC", expires)).isEqualTo(signature);
    }

    @Test
    void aLinkForAnotherMediaIsRefused() {
        long expires = NOW.getEpochSecond() + 3600;
        String signature = verifier.sign("med_01ABC", expires);

        assertRefused(
                () -> verifier.verify("med_01XYZ", Long.toString(expires), signature), ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void aLaterExpiryThanSignedIsRefused() {
        long expires = NOW.getEpochSecond() + 3600;
        String signature = verifier.sign("med_01ABC", expires);

        assertRefused(
                () -> verifier.verify("med_01ABC", Long.toString(expires + 86_400), signature),
                ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void anExpiredLinkIsGone() {
        long expires = NOW.getEpochSecond() - 1;
        String signature = verifier.sign("med_01ABC", expires);

        assertRefused(() -> verifier.verify("med_01ABC", Long.toString(expires), signature), ErrorCode.LINK_EXPIRED);
    }

    @Test
    void anExpiredLinkWithAForgedSignatureSaysNothingAboutExpiry() {
        assertRefused(
                () -> verifier.verify("med_01ABC", Long.toString(NOW.getEpochSecond() - 1), "forged"),
                ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void garbledOrMissingPartsAreRefused() {
        String signature = verifier.sign("med_01ABC", NOW.getEpochSecond() + 60);

        assertRefused(() -> verifier.verify("med_01ABC", null, signature), ErrorCode.INVALID_SIGNATURE);
        assertRefused(() -> verifier.verify("med_01ABC", "soon", signature), ErrorCode.INVALID_SIGNATURE);
        assertRefused(() -> verifier.verify("med_01ABC", "1", "%%%"), ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void withoutAKeyNoLinkIsAccepted() {
        SignedUrlVerifier keyless = new SignedUrlVerifier(null, Clock.fixed(NOW, ZoneOffset.UTC));
        long expires = NOW.getEpochSecond() + 60;

        assertRefused(
                () -> keyless.verify("med_01ABC", Long.toString(expires), verifier.sign("med_01ABC", expires)),
                ErrorCode.INVALID_SIGNATURE);
    }

    @Test
    void aShortKeyIsRefusedAtStartup() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new UrlSigningConfig(shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class).satisfies(e -> assertThat(((ApiException) e).code())
                .isEqualTo(code));
    }
}
