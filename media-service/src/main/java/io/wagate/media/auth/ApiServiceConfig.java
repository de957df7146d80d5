package io.wagate.media.auth;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/** How to reach api-service, which owns API keys, and how long to trust its answers. */
@ConfigurationProperties("wagate.api-service")
public record ApiServiceConfig(
        @Bindable(defaultValue = "http://127.0.0.1:8081") URI url,
        @Bindable(defaultValue = "5s") Duration timeout,
        @Bindable(defaultValue = "30s") Duration cacheTtl) {

    public ApiServiceConfig {
        if (url == null || url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("wagate.api-service.url must be an absolute http(s) URL: " + url);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("wagate.api-service.timeout must be positive");
        }
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("wagate.api-service.cache-ttl must not be negative");
        }
    }
}
