package io.wagate.api.media;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * {@code wagate.media-service.*}: where media-service answers (env {@code WAGATE_MEDIA_SERVICE_URL})
 * and how long a send waits for it to fetch, check and store a file.
 */
@ConfigurationProperties("wagate.media-service")
public record MediaServiceConfig(
        @Bindable(defaultValue = "http://127.0.0.1:8084") @Nullable
        URI url,

        @Bindable(defaultValue = "2m") @Nullable Duration timeout) {

    public MediaServiceConfig {
        url = url == null ? URI.create("http://127.0.0.1:8084") : url;
        timeout = timeout == null ? Duration.ofMinutes(2) : timeout;
        if (!url.isAbsolute() || url.getHost() == null) {
            throw new IllegalArgumentException("wagate.media-service.url must be an absolute http(s) URL");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("wagate.media-service.timeout must be positive");
        }
    }
}
