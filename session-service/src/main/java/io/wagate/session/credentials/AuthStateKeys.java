package io.wagate.session.credentials;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code wagate.session.auth-state.keys}: the AES-256 keys that encrypt sessions' WhatsApp
 * credentials at rest, as {@code <key id>:<base64 of 32 bytes>} entries. The first entry encrypts
 * everything written from now on; the others still decrypt what they wrote, so a key is rotated by
 * putting a new one first and dropping the old one once every session has re-saved its credentials.
 */
@ConfigurationProperties("wagate.session.auth-state")
public record AuthStateKeys(@Nullable List<String> keys) {

    private static final int KEY_BYTES = 32;

    public AuthStateKeys {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("wagate.session.auth-state.keys is required: at least one"
                    + " '<key id>:<base64 of 32 random bytes>' entry (e.g. from `openssl rand -base64 32`)");
        }
        keys = List.copyOf(keys);
        parse(keys);
    }

    String activeKeyId() {
        return keys.getFirst().substring(0, keys.getFirst().indexOf(':'));
    }

    Map<String, SecretKey> byId() {
        return parse(keys);
    }

    private static Map<String, SecretKey> parse(List<String> entries) {
        Map<String, SecretKey> byId = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon < 1 || colon > 64) {
                throw new IllegalArgumentException("an auth-state key must read '<key id>:<base64 key>'");
            }
            String id = entry.substring(0, colon).strip();
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("auth-state key '" + id + "' is not base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalArgumentException(
                        "auth-state key '" + id + "' must be 32 bytes (AES-256), was " + key.length);
            }
            if (byId.put(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalArgumentException("auth-state key id '" + id + "' is listed twice");
            }
        }
        return byId;
    }
}
