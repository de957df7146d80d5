package io.wagate.session;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.wagate.schemas.Topics;
import java.time.Duration;

/**
 * {@code wagate.kafka.*}: the topic prefix every service shares, and how long a produced record may
 * wait for the broker's acknowledgement before the step that produced it counts as failed.
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

    public String eventsTopic() {
        return topicPrefix + Topics.EVENTS;
    }

    public String deadLettersTopic() {
        return topicPrefix + Topics.COMMAND_DEAD_LETTERS;
    }
}
