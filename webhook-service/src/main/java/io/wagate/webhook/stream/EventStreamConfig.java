package io.wagate.webhook.stream;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code wagate.events.*}: the event stream and how long events are kept for it.
 *
 * @param retention how long an event stays resumable; the cleanup deletes older ones that have no
 *     pending delivery (with their deliveries and attempt log)
 * @param cleanupInterval how often the cleanup runs
 * @param heartbeat how long a quiet stream waits before it sends a comment line, so proxies keep it open
 * @param pollInterval how often a stream looks for new events when nobody signals them
 */
@ConfigurationProperties("wagate.events")
public record EventStreamConfig(
        @Bindable(defaultValue = "7d") Duration retention,
        @Bindable(defaultValue = "1h") Duration cleanupInterval,
        @Bindable(defaultValue = "15s") Duration heartbeat,
        @Bindable(defaultValue = "1s") Duration pollInterval) {

    public EventStreamConfig {
        for (Duration value : new Duration[] {retention, cleanupInterval, heartbeat, pollInterval}) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("wagate.events.* durations must be positive");
            }
        }
    }
}
