package io.wagate.session.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthStateCipherTest {

    private static final byte[] CREDENTIALS = "{\"noise_key\":\"secret\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealedCredentialsOpenForTheirSessionAndHideTheirContent() {
        var cipher = cipherWith(key("k1"));

        byte[] sealed = cipher.seal("sess_a", CREDENTIALS);

        assertThat(cipher.open("sess_a", sealed)).isEqualTo(CREDENTIALS);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("secret");
        assertThat(cipher.seal("sess_a", CREDENTIALS))
                .as("a fresh nonce each time")
                .isNotEqualTo(sealed);
    }

    @Test
    void credentialsCopiedToAnotherSessionDoNotOpen() {
        var cipher = cipherWith(key("k1"));

        byte[] sealed = cipher.seal("sess_a", CREDENTIALS);

        assertThatThrownBy(() -> cipher.open("sess_b", sealed)).isInstanceOf(UnreadableCredentialsException.class);
    }

    @Test
    void alteredCredentialsDoNotOpen() {
        var cipher = cipherWith(key("k1"));
        byte[] sealed = cipher.seal("sess_a", CREDENTIALS);

        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> cipher.open("sess_a", sealed)).isInstanceOf(UnreadableCredentialsException.class);
        assertThatThrownBy(() -> cipher.open("sess_a", new byte[] {1, 2}))
                .isInstanceOf(UnreadableCredentialsException.class);
    }

    @Test
    void afterARotationOldCredentialsStillOpenAndNewOnesUseTheNewKey() {
        String oldKey = key("k1");
        byte[] sealedBefore = cipherWith(oldKey).seal("sess_a", CREDENTIALS);
        var rotated = cipherWith(key("k2"), oldKey);

        byte[] sealedAfter = rotated.seal("sess_a", CREDENTIALS);

        assertThat(rotated.open("sess_a", sealedBefore)).isEqualTo(CREDENTIALS);
        assertThat(new String(sealedAfter, 2, 2, StandardCharsets.UTF_8)).isEqualTo("k2");
        assertThatThrownBy(() -> cipherWith(oldKey).open("sess_a", sealedAfter))
                .isInstanceOf(UnreadableCredentialsException.class)
                .hasMessageContaining("'k2'")
                .hasMessageNotContaining(oldKey.substring(3));
    }

    @Test
    void keysMustBeConfiguredAndWellFormed() {
        assertThatThrownBy(() -> new AuthStateKeys(null)).hasMessageContaining("is required");
        assertThatThrownBy(() -> new AuthStateKeys(List.of("k1:c2hvcnQ="))).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new AuthStateKeys(List.of("no-colon"))).hasMessageContaining("<key id>");
        assertThatThrownBy(() -> new AuthStateKeys(List.of(key("k1"), key("k1"))))
                .hasMessageContaining("twice");
    }

    private static AuthStateCipher cipherWith(String... keys) {
        return new AuthStateCipher(new AuthStateKeys(List.of(keys)));
    }

    private static String key(String id) {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return id + ":" + Base64.getEncoder().encodeToString(bytes);
    }
}
