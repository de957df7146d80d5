package io.wagate.session.media;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * {@code wagate.media-service.*}: where media-service's internal endpoints are.
 *
 * @param url its base URL (env {@code WAGATE_MEDIA_SERVICE_URL})
 * @param connectTimeout how long to wait for a connection
 * @param timeout how long a call may take until its answer starts (a prepare fetches and converts)
 */
@ConfigurationProperties("wagate.media-service")
public record MediaServiceSettings(
        @Bindable(defaultValue = "http://127.0.0.1:8084") @Nullable
        URI url,

        @Bindable(defaultValue = "5s") @Nullable Duration connectTimeout,
        @Bindable(defaultValue = "120s") @Nullable Duration timeout) {

    public MediaServiceSettings {
        url = url == null ? URI.create("http://127.0.0.1:8084") : url;
        if (url.getScheme() == null || !url.getScheme().startsWith("http") || url.getHost() == null) {
            throw new IllegalArgumentException("wagate.media-service.url must be an http(s) URL, was " + url);
        }
        connectTimeout = positive("connect-timeout", connectTimeout, Duration.ofSeconds(5));
        timeout = positive("timeout", timeout, Duration.ofSeconds(120));
    }

    private static Duration positive(String name, @Nullable Duration value, Duration fallback) {
        Duration duration = value == null ? fallback : value;
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("wagate.media-service." + name + " must be positive, was " + duration);
        }
        return duration;
    }
}
