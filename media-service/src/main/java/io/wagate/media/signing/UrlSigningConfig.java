package io.wagate.media.signing;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Base64;

/**
 * {@code wagate.media.url-signing-key} (env {@code WAGATE_MEDIA_URL_SIGNING_KEY}): base64 of at least
 * 32 random bytes, the HMAC-SHA256 key webhook-service signs download links with and this service
 * checks them with. Unset, no signed link is accepted.
 */
@ConfigurationProperties("wagate.media")
public record UrlSigningConfig(@Nullable String urlSigningKey) {

    static final int MIN_KEY_BYTES = 32;

    public UrlSigningConfig {
        if (urlSigningKey != null && urlSigningKey.isBlank()) {
            urlSigningKey = null;
        }
        if (urlSigningKey != null) {
            key(urlSigningKey); // fail at startup, not on the first download
        }
    }

    @Nullable
    byte[] keyBytes() {
        return urlSigningKey == null ? null : key(urlSigningKey);
    }

    private static byte[] key(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("wagate.media.url-signing-key must be base64", e);
        }
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(
                    "wagate.media.url-signing-key must hold at least " + MIN_KEY_BYTES + " bytes, not " + bytes.length);
        }
        return bytes;
    }
}
