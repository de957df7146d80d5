package io.wagate.session.command;

import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    private final DurableRepublisher republisher;

    MisroutedCommands(DurableRepublisher republisher) {
        this.republisher = republisher;
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
        forwarded.headers().add(FORWARDED_FROM_HEADER, DurableRepublisher.origin(record));
        republisher.publish(forwarded, "forwarded command");
    }
}
