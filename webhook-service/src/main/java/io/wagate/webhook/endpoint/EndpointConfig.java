package io.wagate.webhook.endpoint;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code wagate.webhooks.secret-rotation-overlap}: how long, after a rotation, deliveries still carry a
 * signature with the old secret next to the new one, so a subscriber can switch without losing any.
 */
@ConfigurationProperties("wagate.webhooks")
public record EndpointConfig(@Bindable(defaultValue = "24h") Duration secretRotationOverlap) {

    public EndpointConfig {
        if (secretRotationOverlap.isNegative()) {
            throw new IllegalArgumentException("wagate.webhooks.secret-rotation-overlap must not be negative");
        }
    }
}
