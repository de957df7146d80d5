package io.wagate.session.command;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Property;
import io.wagate.session.KafkaSettings;
import io.wagate.session.events.KafkaEventPublisher;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Produces a consumed command again somewhere else (the dead-letter topic, its session's current
 * partition) and returns only once that copy is durable, so the original's offset may be committed.
 */
@Singleton
class DurableRepublisher {

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;

    DurableRepublisher(
            @KafkaClient(
                            id = KafkaEventPublisher.PRODUCER_ID,
                            acks = KafkaClient.Acknowledge.ALL,
                            properties = @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"))
                    Producer<String, byte[]> producer,
            KafkaSettings settings) {
        this.producer = producer;
        this.settings = settings;
    }

    /** Where a consumed record stood, {@code topic-partition@offset}, for the copy's provenance header. */
    static byte[] origin(ConsumerRecord<String, byte[]> record) {
        return (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8);
    }

    /** @param what names the copy in the failure, e.g. "dead letter" */
    void publish(ProducerRecord<String, byte[]> copy, String what) {
        try {
            producer.send(copy).get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(what + " not acknowledged: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
