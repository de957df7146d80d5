package io.wagate.webhook.ingest;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.wagate.schemas.Topics;
import io.wagate.schemas.UndecodableRecordException;
import io.wagate.webhook.delivery.DeliveryDispatcher;
import io.wagate.webhook.event.WebhookEvent;
import io.wagate.webhook.event.WebhookEventMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the events topic. Offsets are committed only after the records' transactions commit; a
 * failing database stops consumption (retried every second, forever) rather than skipping events.
 * A record that is not a contract event is logged and skipped.
 */
@KafkaListener(
        groupId = "${wagate.kafka.topic-prefix:}webhook-service",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        errorStrategy =
                @ErrorStrategy(
                        value = ErrorStrategyValue.RETRY_ON_ERROR,
                        retryDelay = "1s",
                        retryCount = Integer.MAX_VALUE),
        properties = {
            @Property(
                    name = ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    value = "org.apache.kafka.common.serialization.StringDeserializer"),
            @Property(
                    name = ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    value = "org.apache.kafka.common.serialization.ByteArrayDeserializer")
        })
final class EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventListener.class);

    private final WebhookEventMapper mapper;
    private final EventIngestor ingestor;
    private final DeliveryDispatcher dispatcher;

    EventListener(WebhookEventMapper mapper, EventIngestor ingestor, DeliveryDispatcher dispatcher) {
        this.mapper = mapper;
        this.ingestor = ingestor;
        this.dispatcher = dispatcher;
    }

    @Topic("${wagate.kafka.topic-prefix:}" + Topics.EVENTS)
    void receive(ConsumerRecord<String, byte[]> record) {
        WebhookEvent event;
        try {
            event = mapper.decode(record.value());
        } catch (UndecodableRecordException e) {
            LOG.warn(
                    "Skipping undecodable record {}-{}@{}: {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    e.getMessage());
            return;
        }
        if (ingestor.ingest(event) > 0) {
            dispatcher.wake();
        }
    }
}
