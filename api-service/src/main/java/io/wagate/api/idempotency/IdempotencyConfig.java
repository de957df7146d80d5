package io.wagate.api.idempotency;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** {@code wagate.idempotency.retention}: how long a key is remembered (default 24 h). */
@ConfigurationProperties("wagate.idempotency")
public record IdempotencyConfig(
        @Bindable(defaultValue = "24h") @Nullable Duration retention) {

    public IdempotencyConfig {
        retention = retention == null ? Duration.ofHours(24) : retention;
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("wagate.idempotency.retention must be positive");
        }
    }
}
