package io.wagate.session.command;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Property;
import io.wagate.schemas.Topics;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets aside commands that cannot be carried out: as they arrived, with the reason in a header. */
@Singleton
class DeadLetters {

    static final String SOURCE_HEADER = "wagate-dead-letter-source";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;

    DeadLetters(
            @KafkaClient(
                            id = KafkaEventPublisher.PRODUCER_ID,
                            acks = KafkaClient.Acknowledge.ALL,
                            properties = @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"))
                    Producer<String, byte[]> producer,
            KafkaSettings settings) {
        this.producer = producer;
        this.settings = settings;
    }

    /** Returns once the dead letter is durable, so the original's offset may be committed. */
    void park(ConsumerRecord<String, byte[]> record, String reason, String detail) {
        LOG.warn(
                "command at {}-{}@{} set aside ({}): {}",
                record.topic(),
                record.partition(),
                record.offset(),
                reason,
                detail);
        var letter = new ProducerRecord<>(settings.deadLettersTopic(), record.key(), record.value());
        letter.headers().add(Topics.DEAD_LETTER_REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers()
                .add(
                        SOURCE_HEADER,
                        (record.topic() + "-" + record.partition() + "@" + record.offset())
                                .getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(letter).get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("dead letter not acknowledged: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
