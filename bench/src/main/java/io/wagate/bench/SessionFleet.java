package io.wagate.bench;

import com.github.f4b6a3.ulid.UlidCreator;
import io.wagate.schemas.CommandCodec;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.Topics;
import io.wagate.schemas.v1.ConnectSession;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.SessionCommand;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.testsupport.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The sessions of a benchmark, driven as api-service drives them: ConnectSession commands in on
 * the commands topic, and, from the events topic, when each session last said {@code connected}
 * and whether a new QR was shown after a given moment.
 */
final class SessionFleet implements AutoCloseable {

    static final String ORGANIZATION = "org_bench";

    private final String topicPrefix;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread poller;
    private final Map<String, Instant> connectedAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastQrAt = new ConcurrentHashMap<>();
    private final Map<String, SessionStatus> status = new ConcurrentHashMap<>();

    SessionFleet(Infrastructure infrastructure, String topicPrefix) {
        this.topicPrefix = topicPrefix;
        String servers = infrastructure.kafkaBootstrapServers();
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        servers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer());
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                        ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                        ConsumerConfig.METADATA_MAX_AGE_CONFIG, "500"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        consumer.subscribe(List.of(topicPrefix + Topics.EVENTS));
        poller = Thread.ofPlatform().daemon().name("events").start(this::poll);
    }

    /** Asks for {@code count} new sessions; returns their ids once Kafka has every command. */
    List<String> connect(int count) throws Exception {
        List<String> sessions = new ArrayList<>(count);
        List<Future<RecordMetadata>> sent = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String sessionId = "sess_" + UlidCreator.getMonotonicUlid();
            sessions.add(sessionId);
            byte[] command = CommandCodec.encode(SessionCommand.newBuilder()
                    .setCommandId("cmd_" + UlidCreator.getMonotonicUlid())
                    .setSessionId(sessionId)
                    .setOrganizationId(ORGANIZATION)
                    .setIssuedAt(Instant.now())
                    .setAction(new ConnectSession())
                    .build());
            sent.add(producer.send(new ProducerRecord<>(topicPrefix + Topics.COMMANDS, sessionId, command)));
        }
        for (Future<RecordMetadata> ack : sent) {
            ack.get();
        }
        return sessions;
    }

    /** How many of these sessions are connected (their last status says so). */
    long connected(Collection<String> sessions) {
        return sessions.stream()
                .filter(id -> status.get(id) == SessionStatus.CONNECTED)
                .count();
    }

    /** Waits until every one of these sessions said {@code connected} after {@code since}; when the last did. */
    Instant awaitConnectedAfter(Collection<String> sessions, Instant since, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            List<Instant> at = new ArrayList<>(sessions.size());
            for (String id : sessions) {
                Instant connected = connectedAt.get(id);
                if (connected == null || connected.isBefore(since) || status.get(id) != SessionStatus.CONNECTED) {
                    break;
                }
                at.add(connected);
            }
            if (at.size() == sessions.size()) {
                return at.stream().max(Instant::compareTo).orElse(since);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "only " + at.size() + " of " + sessions.size() + " sessions connected within " + patience);
            }
            SessionServiceProcess.pause(Duration.ofMillis(20));
        }
    }

    /** How many of these sessions were shown a new QR after {@code since} (a resume should show none). */
    long qrsAfter(Collection<String> sessions, Instant since) {
        return sessions.stream()
                .filter(id -> lastQrAt.containsKey(id) && lastQrAt.get(id).isAfter(since))
                .count();
    }

    private void poll() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    Event event = EventCodec.decode(record.value());
                    if (event.getData() instanceof SessionStatusChanged changed) {
                        status.put(event.getSessionId(), changed.getStatus());
                        if (changed.getStatus() == SessionStatus.CONNECTED) {
                            connectedAt.put(event.getSessionId(), event.getCreatedAt());
                        }
                    } else if (event.getData() instanceof SessionQrUpdated) {
                        lastQrAt.put(event.getSessionId(), event.getCreatedAt());
                    }
                }
            }
        } catch (WakeupException stopped) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    @Override
    public void close() throws InterruptedException {
        consumer.wakeup();
        poller.join(Duration.ofSeconds(5));
        producer.close();
    }
}
