package io.wagate.api.event;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaKey;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.core.annotation.Nullable;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.Topics;
import io.wagate.schemas.UndecodableRecordException;
import io.wagate.schemas.v1.Event;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the events topic to every {@link EventProjection}. Offsets are committed after the records'
 * effects are stored; a failing store is retried (the partition waits) rather than skipped.
 */
@KafkaListener(
        groupId = "${wagate.kafka.topic-prefix:}api-service",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy =
                @ErrorStrategy(
                        value = ErrorStrategyValue.RETRY_ON_ERROR,
                        retryDelay = "1s",
                        retryCount = Integer.MAX_VALUE,
                        handleAllExceptions = true))
public class EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventListener.class);

    private final List<EventProjection> projections;

    EventListener(List<EventProjection> projections) {
        this.projections = projections;
    }

    @Topic("${wagate.kafka.topic-prefix:}" + Topics.EVENTS)
    public void receive(@KafkaKey @Nullable String key, @Nullable byte[] value) {
        Event event;
        try {
            event = EventCodec.decode(value);
        } catch (UndecodableRecordException e) {
            LOG.warn("skipping undecodable record (key {}) on the events topic: {}", key, e.getMessage());
            return;
        }
        projections.forEach(projection -> projection.project(event));
    }
}
