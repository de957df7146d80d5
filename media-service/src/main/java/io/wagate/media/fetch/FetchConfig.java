package io.wagate.media.fetch;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * How media and link previews are fetched from URLs: {@code connect-timeout} per connection,
 * {@code read-timeout} per read, {@code total-timeout} for a whole fetch (redirects and body
 * included), at most {@code max-redirects} redirects, each checked like the first URL.
 */
@ConfigurationProperties("wagate.media.fetch")
public record FetchConfig(
        @Bindable(defaultValue = "5s") Duration connectTimeout,
        @Bindable(defaultValue = "10s") Duration readTimeout,
        @Bindable(defaultValue = "60s") Duration totalTimeout,
        @Bindable(defaultValue = "5") int maxRedirects,
        @Bindable(defaultValue = "wagate-media/1.0") String userAgent) {

    public FetchConfig {
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(readTimeout, "read-timeout");
        requirePositive(totalTimeout, "total-timeout");
        if (maxRedirects < 0 || maxRedirects > 10) {
            throw new IllegalArgumentException("wagate.media.fetch.max-redirects must be within 0..10");
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("wagate.media.fetch.user-agent must not be blank");
        }
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("wagate.media.fetch." + name + " must be positive");
        }
    }
}
