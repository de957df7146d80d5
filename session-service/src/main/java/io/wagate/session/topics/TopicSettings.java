package io.wagate.session.topics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code wagate.kafka.topics.*}: whether session-service creates the contract's topics at start,
 * and with how many partitions (the ceiling on session-service instances) and replicas.
 */
@ConfigurationProperties("wagate.kafka.topics")
public record TopicSettings(
        @Bindable(defaultValue = "true") @Nullable Boolean create,
        @Bindable(defaultValue = "12") @Nullable Integer partitions,
        @Bindable(defaultValue = "1") @Nullable Short replicationFactor) {

    public TopicSettings {
        create = create == null || create;
        partitions = partitions == null ? 12 : partitions;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        if (partitions < 1 || replicationFactor < 1) {
            throw new IllegalArgumentException(
                    "wagate.kafka.topics.partitions and replication-factor must be positive");
        }
    }
}
