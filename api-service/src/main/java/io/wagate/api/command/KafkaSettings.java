package io.wagate.api.command;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code wagate.kafka.*}: the topic prefix shared by every service, and how long a request waits
 * for Kafka to acknowledge a command before it answers 503.
 */
@ConfigurationProperties("wagate.kafka")
public record KafkaSettings(
        @Nullable String topicPrefix,
        @Bindable(defaultValue = "10s") @Nullable Duration ackTimeout) {

    public KafkaSettings {
        topicPrefix = topicPrefix == null ? "" : topicPrefix;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(10) : ackTimeout;
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("wagate.kafka.ack-timeout must be positive");
        }
    }
}
