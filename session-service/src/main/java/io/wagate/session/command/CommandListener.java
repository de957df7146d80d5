package io.wagate.session.command;

import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.wagate.schemas.Topics;
import io.wagate.session.ownership.PartitionOwnership;
import io.wagate.session.runtime.OrganizationMismatchException;
import io.wagate.session.topics.TopicBootstrap;
import java.util.Collection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumes the commands topic, one record at a time per partition, and commits a record's offset
 * only once its effect is durable. A record that cannot be carried out goes to the dead-letter
 * topic; a failure that may pass (database, broker, unknown send outcome) retries the record.
 */
@KafkaListener(
        groupId = "${wagate.kafka.topic-prefix:}session-service",
        offsetReset = OffsetReset.EARLIEST,
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy =
                @ErrorStrategy(
                        value = ErrorStrategyValue.RETRY_ON_ERROR,
                        retryDelay = "${wagate.session.command-retry-delay:1s}",
                        retryCountValue = "${wagate.session.command-retries:60}"),
        properties = {
            // A send may wait for its session to connect and for WhatsApp's ack: keep batches small.
            @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "10"),
            @Property(name = ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, value = "900000")
        })
public class CommandListener implements ConsumerRebalanceListener {

    private final CommandDispatcher dispatcher;
    private final DeadLetters deadLetters;
    private final PartitionOwnership ownership;

    /** Takes the {@link TopicBootstrap} so the topics exist before this listener subscribes. */
    CommandListener(
            CommandDispatcher dispatcher,
            DeadLetters deadLetters,
            PartitionOwnership ownership,
            @SuppressWarnings("unused") TopicBootstrap topics) {
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.ownership = ownership;
    }

    @Topic("${wagate.kafka.topic-prefix:}" + Topics.COMMANDS)
    void receive(ConsumerRecord<String, byte[]> record) {
        switch (CommandRouting.route(record.key(), record.value())) {
            case CommandRouting.SetAside aside -> deadLetters.park(record, aside.reason(), aside.detail());
            case CommandRouting.CarryOut carryOut -> {
                try {
                    dispatcher.dispatch(carryOut.command(), record.partition());
                } catch (OrganizationMismatchException e) {
                    deadLetters.park(record, "organization_mismatch", e.getMessage());
                }
            }
        }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        ownership.assigned(partitions.stream().map(TopicPartition::partition).toList());
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        ownership.revoked(partitions.stream().map(TopicPartition::partition).toList());
    }
}
