package io.wagate.api.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A full API key as the caller holds it. Only its SHA-256 {@link #hash()} and a display
 * {@link #prefix()} are stored; the key itself is shown once, when created.
 */
public record ApiKeySecret(String key) {

    static final String KEY_PREFIX = "wag_";
    static final int DISPLAY_PREFIX_LENGTH = 12;
    private static final int RANDOM_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    public ApiKeySecret {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("an API key cannot be blank");
        }
    }

    /** {@code wag_} and 43 base64url characters of 32 random bytes. */
    public static ApiKeySecret generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return new ApiKeySecret(
                KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    public String hash() {
        return hash(key);
    }

    public String prefix() {
        return key.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, key.length()));
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return "ApiKeySecret[" + prefix() + "...]";
    }
}
