package io.wagate.session;

import static org.awaitility.Awaitility.await;

import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.wagate.schemas.CommandCodec;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.Topics;
import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.ConnectSession;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.GetGroupInfo;
import io.wagate.schemas.v1.GroupInfo;
import io.wagate.schemas.v1.JoinGroup;
import io.wagate.schemas.v1.MessageReceived;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.SendOptions;
import io.wagate.schemas.v1.SessionCommand;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.session.sending.WhatsAppMessageIds;
import io.wagate.session.testing.MediaServiceContractStub;
import io.wagate.session.transport.simulator.SimulatedMessage;
import io.wagate.session.transport.simulator.SimulatedWhatsApp;
import io.wagate.testsupport.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * session-service running in this JVM against the real broker, PostgreSQL and Redis, with its
 * simulator sped up and media-service's contract stub, plus one session connected: commands go in on
 * Kafka, events are read from Kafka, as api-service and webhook-service see them.
 */
final class MessagingHarness implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String AUTH_STATE_KEY = "it-key:" + "Y2hhbmdlLW1lLXRoaXMtaXMtYS10ZXN0LWtleS0zMmI=";

    final MediaServiceContractStub media = MediaServiceContractStub.start();
    final String sessionId = Commands.newSessionId();
    /** An organization of its own: the rate-limit buckets in Redis are per organization. */
    final String organizationId = "org_" + UlidCreator.getMonotonicUlid();

    private final EmbeddedServer service;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaTap events;
    private final String commandsTopic;
    private String phoneNumber;

    MessagingHarness(Infrastructure infra) {
        String prefix = Infrastructure.uniqueTopicPrefix();
        Map<String, Object> properties =
                new HashMap<>(infra.serviceProperties(infra.postgres().newDatabase(), prefix));
        properties.put("micronaut.server.port", -1);
        properties.put("wagate.session.auth-state.keys", AUTH_STATE_KEY);
        properties.put("wagate.simulator.scan-delay", "200ms");
        properties.put("wagate.simulator.qr-rotation", "10s");
        properties.put("wagate.simulator.server-ack-delay", "10ms");
        properties.put("wagate.simulator.delivery-delay", "20ms");
        properties.put("wagate.simulator.read-delay", "20ms");
        properties.put("wagate.session.send-connect-timeout", "3s");
        properties.put("wagate.kafka.topics.partitions", 2);
        properties.put("wagate.media-service.url", media.url().toString());
        // Pacing is not what these tests look at: buckets large enough never to make a send wait.
        properties.put("wagate.rate-limits.session.capacity", 10_000);
        properties.put("wagate.rate-limits.session.per-minute", 600_000);
        properties.put("wagate.rate-limits.organization.capacity", 10_000);
        properties.put("wagate.rate-limits.organization.per-minute", 600_000);
        commandsTopic = prefix + Topics.COMMANDS;
        producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        infra.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ByteArraySerializer());
        events = new KafkaTap(infra.kafkaBootstrapServers(), prefix + Topics.EVENTS);
        service = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    /** Connects the session (QR, simulated scan) and returns its phone number. */
    String connect() {
        command(sessionId, new ConnectSession());
        await().atMost(PATIENCE).until(() -> statuses().contains(SessionStatus.CONNECTED));
        phoneNumber = eventData(SessionStatusChanged.class).stream()
                .filter(status -> status.getStatus() == SessionStatus.CONNECTED)
                .findFirst()
                .orElseThrow()
                .getPhoneNumber();
        return phoneNumber;
    }

    String phoneNumber() {
        return phoneNumber;
    }

    String selfJid() {
        return phoneNumber + "@s.whatsapp.net";
    }

    SimulatedWhatsApp whatsApp() {
        return service.getApplicationContext().getBean(SimulatedWhatsApp.class);
    }

    /** Sends {@code content} to {@code to} and returns the message id. */
    String send(String to, Object content) {
        return send(to, content, SendOptions.newBuilder().build());
    }

    String send(String to, Object content, SendOptions options) {
        String messageId = Commands.newMessageId();
        produce(CommandCodec.encode(SendMessage.newBuilder()
                .setMessageId(messageId)
                .setSessionId(sessionId)
                .setOrganizationId(organizationId)
                .setIssuedAt(Instant.now())
                .setTo(to)
                .setClientRef("ref-" + messageId)
                .setMetadata(Map.of("test", "messaging"))
                .setContent(content)
                .setOptions(options)
                .build()));
        return messageId;
    }

    String joinGroup(String inviteCode) {
        return command(sessionId, new JoinGroup(inviteCode));
    }

    String describeGroup(String session, String groupJid) {
        return command(session, new GetGroupInfo(groupJid));
    }

    private String command(String session, Object action) {
        String commandId = "cmd_" + UlidCreator.getMonotonicUlid();
        SessionCommand command = SessionCommand.newBuilder()
                .setCommandId(commandId)
                .setSessionId(session)
                .setOrganizationId(organizationId)
                .setIssuedAt(Instant.now())
                .setAction(action)
                .build();
        produce(session, CommandCodec.encode(command));
        return commandId;
    }

    /** Waits for the message to reach {@code status} and returns its events so far. */
    List<MessageStatusChanged> awaitStatus(String messageId, MessageStatus status) {
        await().atMost(PATIENCE).until(() -> statusesOf(messageId).contains(status));
        return messageEvents(messageId);
    }

    /** Waits for the message to fail and returns its failure code. */
    String awaitFailure(String messageId) {
        MessageStatusChanged failed =
                awaitStatus(messageId, MessageStatus.FAILED).getLast();
        return failed.getFailure().getCode();
    }

    /** What the recipient's phone got for our message, once delivered. */
    SimulatedMessage delivered(String messageId) {
        String waMessageId = WhatsAppMessageIds.derive(messageId);
        await().atMost(PATIENCE).until(() -> whatsApp().deliveryCount(waMessageId) == 1);
        return whatsApp().message(waMessageId).orElseThrow();
    }

    List<MessageStatus> statusesOf(String messageId) {
        return messageEvents(messageId).stream()
                .map(MessageStatusChanged::getStatus)
                .toList();
    }

    List<MessageStatusChanged> messageEvents(String messageId) {
        return eventData(MessageStatusChanged.class).stream()
                .filter(event -> event.getMessageId().equals(messageId))
                .toList();
    }

    List<MessageReceived> received() {
        return eventData(MessageReceived.class);
    }

    /** Waits until {@code count} more messages than {@code before} arrived, and returns those. */
    List<MessageReceived> awaitReceived(int before, int count) {
        await().atMost(PATIENCE).until(() -> received().size() >= before + count);
        return received().subList(before, before + count);
    }

    Optional<GroupInfo> groupInfo(String commandId) {
        return eventData(GroupInfo.class).stream()
                .filter(info -> commandId.equals(info.getCommandId()))
                .findFirst();
    }

    Optional<CommandFailed> commandFailed(String commandId) {
        return eventData(CommandFailed.class).stream()
                .filter(failed -> commandId.equals(failed.getCommandId()))
                .findFirst();
    }

    /** Events of every session, in the order the topic holds them per session. */
    List<Event> events() {
        return events.records().stream()
                .map(record -> EventCodec.decode(record.value()))
                .toList();
    }

    private <T> List<T> eventData(Class<T> type) {
        return events().stream()
                .map(Event::getData)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private List<SessionStatus> statuses() {
        return events().stream()
                .filter(event -> event.getSessionId().equals(sessionId))
                .map(Event::getData)
                .filter(SessionStatusChanged.class::isInstance)
                .map(data -> ((SessionStatusChanged) data).getStatus())
                .toList();
    }

    private void produce(byte[] value) {
        produce(sessionId, value);
    }

    private void produce(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(commandsTopic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        service.getApplicationContext().close();
        events.close();
        producer.close();
        media.close();
    }
}
