package io.wagate.session.command;

import io.micronaut.configuration.kafka.ConsumerAware;
import io.micronaut.configuration.kafka.KafkaAcknowledgement;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.context.annotation.Property;
import io.wagate.schemas.Topics;
import io.wagate.session.Placement;
import io.wagate.session.ownership.PartitionOwnership;
import io.wagate.session.ownership.SessionPartitions;
import io.wagate.session.runtime.OrganizationMismatchException;
import io.wagate.session.topics.TopicBootstrap;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumes the commands topic, one record at a time per partition, and commits a record's offset
 * only once its effect is durable: a send is queued (ADR 0007), a lifecycle command carried out. A
 * record that cannot be carried out goes to the dead-letter topic; one that arrived on a partition
 * its session no longer hashes to (the topic grew) is passed on to the right one; a failure that may
 * pass (database, broker) retries the record.
 */
@KafkaListener(
        groupId = "${wagate.kafka.topic-prefix:}session-service",
        // Per instance (the pod's name, say), Kafka's tools show which instance owns which partitions.
        clientId = "${wagate.kafka.client-id:session-service}",
        offsetReset = OffsetReset.EARLIEST,
        // Committed by receive() itself (see there), so a commit refused by a rebalance retries the record.
        offsetStrategy = OffsetStrategy.DISABLED,
        errorStrategy =
                @ErrorStrategy(
                        value = ErrorStrategyValue.RETRY_ON_ERROR,
                        retryDelay = "${wagate.session.command-retry-delay:1s}",
                        retryCountValue = "${wagate.session.command-retries:60}"),
        properties = {
            // A lifecycle command may wait for its session a while (step-timeout): keep batches small.
            @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "10"),
            // A rebalance moves only the partitions that change owner; the others' sessions stay up.
            @Property(
                    name = ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    value = "org.apache.kafka.clients.consumer.CooperativeStickyAssignor")
        })
public class CommandListener implements ConsumerRebalanceListener, ConsumerAware<String, byte[]> {

    private final CommandDispatcher dispatcher;
    private final DeadLetters deadLetters;
    private final MisroutedCommands misrouted;
    private final PartitionOwnership ownership;
    private volatile Consumer<String, byte[]> consumer;
    private volatile int partitionCount = 1;

    /** Takes the {@link TopicBootstrap} so the topics exist before this listener subscribes. */
    CommandListener(
            CommandDispatcher dispatcher,
            DeadLetters deadLetters,
            MisroutedCommands misrouted,
            PartitionOwnership ownership,
            @SuppressWarnings("unused") TopicBootstrap topics) {
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.misrouted = misrouted;
        this.ownership = ownership;
    }

    /**
     * Carries the record out, then commits its offset. The commit happens here, not after this method
     * returns, because a commit can be refused while the group rebalances: thrown from here, the
     * refusal is retried like any failure (the record is carried out again, harmlessly), where a
     * refused commit after it would skip the rest of the batch.
     */
    @Topic("${wagate.kafka.topic-prefix:}" + Topics.COMMANDS)
    void receive(ConsumerRecord<String, byte[]> record, KafkaAcknowledgement acknowledgement) {
        carryOut(record);
        acknowledgement.ack();
    }

    private void carryOut(ConsumerRecord<String, byte[]> record) {
        switch (CommandRouting.route(record.key(), record.value())) {
            case CommandRouting.SetAside aside -> deadLetters.park(record, aside.reason(), aside.detail());
            case CommandRouting.CarryOut carryOut -> {
                int count = partitionCount;
                int home = SessionPartitions.of(record.key(), count);
                if (record.partition() < count && record.partition() != home) {
                    misrouted.forward(record, home);
                    return;
                }
                try {
                    dispatcher.dispatch(
                            carryOut.command(),
                            new Placement(record.partition(), Math.max(partitionCount, record.partition() + 1)),
                            record.value());
                } catch (OrganizationMismatchException e) {
                    deadLetters.park(record, "organization_mismatch", e.getMessage());
                }
            }
        }
    }

    @Override
    public void setKafkaConsumer(Consumer<String, byte[]> consumer) {
        this.consumer = consumer;
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        // Called on the consumer's own thread, where asking it for the topic's metadata is allowed.
        int count = partitions.stream()
                .map(TopicPartition::topic)
                .findFirst()
                .or(() -> consumer.subscription().stream().findFirst())
                .map(topic -> consumer.partitionsFor(topic).size())
                .orElse(partitionCount);
        partitionCount = count;
        ownership.assigned(partitions.stream().map(TopicPartition::partition).toList(), count);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        ownership.revoked(partitions.stream().map(TopicPartition::partition).toList());
    }
}
