package io.wagate.session.command;

import io.micronaut.configuration.kafka.ConsumerAware;
import io.micronaut.configuration.kafka.annotation.ErrorStrategy;
import io.micronaut.configuration.kafka.annotation.ErrorStrategyValue;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import io.micronaut.configuration.kafka.exceptions.DefaultKafkaListenerExceptionHandler;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerException;
import io.micronaut.configuration.kafka.exceptions.KafkaListenerExceptionHandler;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.trace.SpanKind;
import io.wagate.schemas.Topics;
import io.wagate.session.Placement;
import io.wagate.session.ownership.PartitionOwnership;
import io.wagate.session.ownership.SessionPartitions;
import io.wagate.session.runtime.OrganizationMismatchException;
import io.wagate.session.topics.TopicBootstrap;
import io.wagate.session.tracing.Traces;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
        offsetStrategy = OffsetStrategy.SYNC_PER_RECORD,
        errorStrategy =
                @ErrorStrategy(
                        value = ErrorStrategyValue.RETRY_ON_ERROR,
                        retryDelay = "${wagate.session.command-retry-delay:1s}",
                        retryCountValue = "${wagate.session.command-retries:60}"),
        properties = {
            // One record per poll (the fetch still brings many): when a rebalance refuses the commit that
            // follows a record, no other record of the batch is skipped with it. It never is lost either:
            // carried out already, it is committed with the next one, or consumed again by the next owner.
            @Property(name = ConsumerConfig.MAX_POLL_RECORDS_CONFIG, value = "1"),
            // A rebalance moves only the partitions that change owner; the others' sessions stay up.
            @Property(
                    name = ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                    value = "org.apache.kafka.clients.consumer.CooperativeStickyAssignor")
        })
public class CommandListener
        implements ConsumerRebalanceListener, ConsumerAware<String, byte[]>, KafkaListenerExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CommandListener.class);

    private final DefaultKafkaListenerExceptionHandler otherFailures;
    private final CommandDispatcher dispatcher;
    private final DeadLetters deadLetters;
    private final MisroutedCommands misrouted;
    private final PartitionOwnership ownership;
    private final Traces traces;
    private volatile Consumer<String, byte[]> consumer;

    /** Takes the {@link TopicBootstrap} so the topics exist before this listener subscribes. */
    CommandListener(
            CommandDispatcher dispatcher,
            DeadLetters deadLetters,
            MisroutedCommands misrouted,
            PartitionOwnership ownership,
            DefaultKafkaListenerExceptionHandler otherFailures,
            Traces traces,
            @SuppressWarnings("unused") TopicBootstrap topics) {
        this.traces = traces;
        this.otherFailures = otherFailures;
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.misrouted = misrouted;
        this.ownership = ownership;
    }

    /** Each record is carried out in a span continuing the trace its producer put in its headers. */
    @Topic("${wagate.kafka.topic-prefix:}" + Topics.COMMANDS)
    void receive(ConsumerRecord<String, byte[]> record) {
        traces.runInSpan(
                record.topic() + " process",
                SpanKind.CONSUMER,
                traceparentOf(record),
                Map.of(
                        "messaging.system", "kafka",
                        "messaging.destination.name", record.topic(),
                        "wagate.session_id", String.valueOf(record.key())),
                () -> carryOut(record));
    }

    private void carryOut(ConsumerRecord<String, byte[]> record) {
        switch (CommandRouting.route(record.key(), record.value())) {
            case CommandRouting.SetAside aside -> deadLetters.park(record, aside.reason(), aside.detail());
            case CommandRouting.CarryOut carryOut -> {
                int count = ownership.partitionCount();
                int home = SessionPartitions.of(record.key(), count);
                if (record.partition() < count && record.partition() != home) {
                    misrouted.forward(record, home);
                    return;
                }
                try {
                    dispatcher.dispatch(
                            carryOut.command(),
                            new Placement(record.partition(), Math.max(count, record.partition() + 1)),
                            record.value());
                } catch (OrganizationMismatchException e) {
                    deadLetters.park(record, "organization_mismatch", e.getMessage());
                }
            }
        }
    }

    private static @Nullable String traceparentOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(Traces.TRACEPARENT);
        return header == null ? null : new String(header.value(), StandardCharsets.US_ASCII);
    }

    /**
     * A commit refused because the group is rebalancing is expected and harmless here: the record was
     * carried out, and its offset is committed with the next record's, or the partition's next owner
     * consumes it again (a replay is harmless). Anything else is handled as Micronaut does by default.
     */
    @Override
    public void handle(KafkaListenerException exception) {
        if (exception.getCause() instanceof RebalanceInProgressException) {
            LOG.info(
                    "offset of {} not committed while the group rebalances: committed with the next record, or"
                            + " consumed again by the partition's next owner",
                    exception
                            .getConsumerRecord()
                            .map(record -> record.topic() + "-" + record.partition() + "@" + record.offset())
                            .orElse("a record"));
            return;
        }
        otherFailures.handle(exception);
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
                .orElse(ownership.partitionCount());
        ownership.assigned(partitions.stream().map(TopicPartition::partition).toList(), count);
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        ownership.revoked(partitions.stream().map(TopicPartition::partition).toList());
    }
}
