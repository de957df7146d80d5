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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the commands topic grew, a producer that has not noticed yet (its metadata is up to
 * {@code metadata.max.age.ms} old) still sends a session's commands to the partition the session
 * hashed to before. Such a record is passed on, as it arrived, to the partition the session hashes
 * to now, so the session's commands are carried out where it runs and nowhere else.
 */
@Singleton
class MisroutedCommands {

    static final String FORWARDED_FROM_HEADER = "wagate-forwarded-from";
    private static final Logger LOG = LoggerFactory.getLogger(MisroutedCommands.class);

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;

    MisroutedCommands(
            @KafkaClient(
                            id = KafkaEventPublisher.PRODUCER_ID,
                            acks = KafkaClient.Acknowledge.ALL,
                            properties = @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"))
                    Producer<String, byte[]> producer,
            KafkaSettings settings) {
        this.producer = producer;
        this.settings = settings;
    }

    /** Returns once the record is durably on {@code partition}, so the original's offset may be committed. */
    void forward(ConsumerRecord<String, byte[]> record, int partition) {
        LOG.info(
                "{}: command at {}-{}@{} belongs on partition {} now; passed on",
                record.key(),
                record.topic(),
                record.partition(),
                record.offset(),
                partition);
        var forwarded = new ProducerRecord<>(record.topic(), partition, record.key(), record.value(), record.headers());
        forwarded
                .headers()
                .add(
                        FORWARDED_FROM_HEADER,
                        (record.topic() + "-" + record.partition() + "@" + record.offset())
                                .getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(forwarded).get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("forwarded command not acknowledged: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
