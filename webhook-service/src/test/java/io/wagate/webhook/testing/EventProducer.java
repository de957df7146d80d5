package io.wagate.webhook.testing;

import io.wagate.schemas.EventCodec;
import io.wagate.schemas.Topics;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plays session-service: puts events on the (prefixed) events topic, as the contract encodes them. */
public final class EventProducer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;

    public EventProducer(String bootstrapServers, String topicPrefix) {
        this.producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
        this.topic = topicPrefix + Topics.EVENTS;
    }

    public static String newEventId() {
        return "evt_" + UUID.randomUUID().toString().replace("-", "");
    }

    public static Event messageEvent(String organizationId, String eventId, MessageStatus status) {
        return event(
                organizationId,
                eventId,
                MessageStatusChanged.newBuilder()
                        .setMessageId("msg_1")
                        .setClientRef("order-42")
                        .setRecipient("5511988887777@s.whatsapp.net")
                        .setWaMessageId("3EB0ABC")
                        .setStatus(status)
                        .build());
    }

    /** A message event of a session of its own (the others use {@code sess_<organization>}). */
    public static Event messageEvent(String organizationId, String eventId, MessageStatus status, String sessionId) {
        Event event = messageEvent(organizationId, eventId, status);
        event.setSessionId(sessionId);
        return event;
    }

    public static Event sessionStatusEvent(String organizationId, String eventId, SessionStatus status) {
        return event(
                organizationId,
                eventId,
                SessionStatusChanged.newBuilder().setStatus(status).build());
    }

    private static Event event(String organizationId, String eventId, Object data) {
        return Event.newBuilder()
                .setEventId(eventId)
                .setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .setSessionId("sess_" + organizationId)
                .setOrganizationId(organizationId)
                .setData(data)
                .build();
    }

    public void send(Event event) {
        sendRaw(event.getSessionId(), EventCodec.encode(event));
    }

    /** Sends the event as session-service does while a send's trace is current: with its W3C traceparent. */
    public void sendTraced(Event event, String traceparent) {
        var record = new ProducerRecord<>(topic, event.getSessionId(), EventCodec.encode(event));
        record.headers().add("traceparent", traceparent.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        send(record);
    }

    public void sendRaw(String key, byte[] value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("producing failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
