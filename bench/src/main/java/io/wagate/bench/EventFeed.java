package io.wagate.bench;

import com.github.f4b6a3.ulid.UlidCreator;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.Topics;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays session-service: message events of one organization, spread over sessions, as fast as Kafka takes them. */
final class EventFeed implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final String organizationId;
    private final Map<String, Long> producedAt;

    EventFeed(String bootstrapServers, String topicPrefix, String organizationId, Map<String, Long> producedAt) {
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                        ProducerConfig.LINGER_MS_CONFIG, "5",
                        ProducerConfig.BATCH_SIZE_CONFIG, "131072"),
                new StringSerializer(),
                new ByteArraySerializer());
        this.topic = topicPrefix + Topics.EVENTS;
        this.organizationId = organizationId;
        this.producedAt = producedAt;
    }

    /**
     * Sends {@code count} events round-robin over {@code sessions} sessions, all at once or at
     * {@code perSecond} events a second (0: all at once), then waits for every ack.
     */
    void produce(int count, int sessions, int perSecond) throws InterruptedException {
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            if (perSecond > 0) {
                long due = started + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
            }
            String sessionId = "sess_bench_" + (i % sessions);
            String eventId = "evt_" + UlidCreator.getMonotonicUlid();
            Event event = Event.newBuilder()
                    .setEventId(eventId)
                    .setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                    .setSessionId(sessionId)
                    .setOrganizationId(organizationId)
                    .setData(MessageStatusChanged.newBuilder()
                            .setMessageId("msg_" + i)
                            .setClientRef("order-" + i)
                            .setRecipient("5511988887777@s.whatsapp.net")
                            .setWaMessageId("3EB0" + i)
                            .setStatus(MessageStatus.DELIVERED)
                            .build())
                    .build();
            producedAt.put(eventId, System.nanoTime());
            producer.send(new ProducerRecord<>(topic, sessionId, EventCodec.encode(event)));
        }
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
