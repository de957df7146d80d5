package io.wagate.webhook.signing;

import java.security.SecureRandom;
import java.util.Base64;

/** An endpoint's signing key, written {@code whsec_<base64 of the key bytes>} as Standard Webhooks does. */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    private WebhookSecret(byte[] key) {
        this.key = key.clone();
    }

    public static WebhookSecret generate() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return new WebhookSecret(key);
    }

    /** @throws IllegalArgumentException when {@code encoded} is not {@code whsec_} and base64 */
    public static WebhookSecret parse(String encoded) {
        String base64 = encoded.startsWith(PREFIX) ? encoded.substring(PREFIX.length()) : encoded;
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length == 0) {
            throw new IllegalArgumentException("a webhook secret needs at least one byte");
        }
        return new WebhookSecret(key);
    }

    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    byte[] key() {
        return key.clone();
    }

    @Override
    public String toString() {
        return PREFIX + "***";
    }
}
