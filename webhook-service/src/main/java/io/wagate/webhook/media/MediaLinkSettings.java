package io.wagate.webhook.media;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.Base64;

/**
 * {@code wagate.media.*}: how webhooks link to inbound media.
 *
 * @param urlSigningKey base64 of at least 32 bytes (env {@code WAGATE_MEDIA_URL_SIGNING_KEY}), shared
 *     with media-service, which checks the signature; without it webhooks carry no download link
 * @param urlTtl how long a link works: longer than the webhooks' retry schedule
 */
@ConfigurationProperties("wagate.media")
public record MediaLinkSettings(
        @Nullable String urlSigningKey,
        @Bindable(defaultValue = "48h") @Nullable Duration urlTtl) {

    static final int MIN_KEY_BYTES = 32;

    public MediaLinkSettings {
        urlTtl = urlTtl == null ? Duration.ofHours(48) : urlTtl;
        if (urlTtl.isNegative() || urlTtl.isZero()) {
            throw new IllegalArgumentException("wagate.media.url-ttl must be positive, was " + urlTtl);
        }
        if (urlSigningKey != null && !urlSigningKey.isBlank()) {
            byte[] key = decode(urlSigningKey);
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("wagate.media.url-signing-key must be base64 of at least "
                        + MIN_KEY_BYTES + " bytes, it has " + key.length);
            }
        }
    }

    /** The key's bytes; null when none is configured. */
    @Nullable
    byte[] key() {
        return urlSigningKey == null || urlSigningKey.isBlank() ? null : decode(urlSigningKey);
    }

    private static byte[] decode(String base64) {
        String text = base64.strip();
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notStandard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("wagate.media.url-signing-key is not base64", e);
            }
        }
    }

    @Override
    public String toString() {
        // never print the key
        return "MediaLinkSettings[urlSigningKey=" + (key() == null ? "none" : "set") + ", urlTtl=" + urlTtl + "]";
    }
}
