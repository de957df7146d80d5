package io.wagate.api.support;

import io.wagate.schemas.CommandCodec;
import io.wagate.schemas.UndecodableRecordException;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.SendMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays session-service over plain Kafka: reads the commands topic and, for each session a test
 * registered, produces the events its answer function returns for each command. Sessions nobody
 * registered are left alone, so a command can still be read back with {@link KafkaTopics#commandsFor}.
 */
public final class SessionServiceStandIn implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionServiceStandIn.class);

    private final KafkaTopics topics;
    private final String bootstrapServers;
    private final Map<String, Function<SpecificRecord, List<Event>>> answers = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    public SessionServiceStandIn(KafkaTopics topics, String bootstrapServers) {
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
        this.reader =
                Thread.ofPlatform().daemon().name("session-service-stand-in").start(this::run);
    }

    /** From now on, answers every command for {@code sessionId} with the events {@code answer} returns. */
    public void answer(String sessionId, Function<SpecificRecord, List<Event>> answer) {
        answers.put(sessionId, answer);
    }

    /** From now on, acknowledges every send of {@code sessionId}, under the WhatsApp id {@code waIdOf} derives. */
    public void acknowledgeSends(String sessionId, String organizationId, Function<String, String> waIdOf) {
        answer(
                sessionId,
                command -> command instanceof SendMessage send
                        ? List.of(Events.sent(
                                sessionId, organizationId, send.getMessageId(), waIdOf.apply(send.getMessageId())))
                        : List.of());
    }

    /** From now on, fails every send of {@code sessionId} as WhatsApp refusing it with {@code code}. */
    public void failSends(String sessionId, String organizationId, String code, String message) {
        answer(
                sessionId,
                command -> command instanceof SendMessage send
                        ? List.of(Events.failed(sessionId, organizationId, send.getMessageId(), code, message))
                        : List.of());
    }

    private void run() {
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "stand-in-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = List.of();
            while (running && partitions.isEmpty()) {
                partitions = consumer.partitionsFor(topics.commands(), Duration.ofSeconds(10)).stream()
                        .map(info -> new TopicPartition(info.topic(), info.partition()))
                        .toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    var answer = answers.get(record.key());
                    if (answer == null) {
                        continue;
                    }
                    SpecificRecord command;
                    try {
                        command = CommandCodec.decode(record.value());
                    } catch (UndecodableRecordException e) {
                        continue;
                    }
                    try {
                        answer.apply(command).forEach(topics::publishEvent);
                    } catch (RuntimeException e) {
                        LOG.warn("the stand-in's answer to {} failed", command, e);
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(Duration.ofSeconds(10));
    }
}
