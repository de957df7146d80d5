package io.wagate.session.command;

import io.wagate.schemas.Topics;
import io.wagate.session.KafkaSettings;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sets aside commands that cannot be carried out: as they arrived, with the reason in a header. */
@Singleton
class DeadLetters {

    static final String SOURCE_HEADER = "wagate-dead-letter-source";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

    private final DurableRepublisher republisher;
    private final KafkaSettings settings;

    DeadLetters(DurableRepublisher republisher, KafkaSettings settings) {
        this.republisher = republisher;
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
        letter.headers().add(SOURCE_HEADER, DurableRepublisher.origin(record));
        republisher.publish(letter, "dead letter");
    }
}
