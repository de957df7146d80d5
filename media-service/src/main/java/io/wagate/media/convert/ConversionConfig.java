package io.wagate.media.convert;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** {@code wagate.media.conversion.timeout}: how long one voice-note transcoding may take. */
@ConfigurationProperties("wagate.media.conversion")
public record ConversionConfig(
        @Bindable(defaultValue = "60s") Duration timeout) {

    public ConversionConfig {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("wagate.media.conversion.timeout must be positive");
        }
    }
}
