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
import io.wagate.webhook.event.WebhookEvent;
import io.wagate.webhook.event.WebhookEventMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the events topic a poll at a time: each poll's events are stored in one transaction, and
 * the offsets are committed only after it commits. A failing database stops consumption (the batch is
 * retried every second, forever) rather than skipping events. A record that is not a contract event is
 * logged and skipped.
 */
@KafkaListener(
        groupId = "${wagate.kafka.topic-prefix:}webhook-service",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC,
        batch = true,
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
                    value = "org.apache.kafka.common.serialization.ByteArrayDeserializer"),
            @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "1000")
        })
final class EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(EventListener.class);

    private final WebhookEventMapper mapper;
    private final EventIngestor ingestor;

    EventListener(WebhookEventMapper mapper, EventIngestor ingestor) {
        this.mapper = mapper;
        this.ingestor = ingestor;
    }

    @Topic("${wagate.kafka.topic-prefix:}" + Topics.EVENTS)
    void receive(List<ConsumerRecord<String, byte[]>> records) {
        List<WebhookEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                events.add(mapper.decode(record.value()).withTraceparent(traceparentOf(record)));
            } catch (UndecodableRecordException e) {
                LOG.warn(
                        "Skipping undecodable record {}-{}@{}: {}",
                        record.topic(),
                        record.partition(),
                        record.offset(),
                        e.getMessage());
            }
        }
        ingestor.ingest(events);
    }

    private static String traceparentOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }
}
