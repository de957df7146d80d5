package io.wagate.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.Topics;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.session.sending.WhatsAppMessageIds;
import io.wagate.session.store.SessionRepository;
import io.wagate.session.transport.simulator.SimulatedWhatsApp;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Drives session-service from outside, as api-service does: commands in on Kafka, events out on
 * Kafka, against a real broker and PostgreSQL, with the WhatsApp simulator sped up.
 */
@ExtendWith(InfrastructureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SessionServiceIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String RECIPIENT = "5511999999999";
    private static final String AUTH_STATE_KEY = "it-key:" + "Y2hhbmdlLW1lLXRoaXMtaXMtYS10ZXN0LWtleS0zMmI=";

    private Map<String, Object> properties;
    private EmbeddedServer service;
    private KafkaProducer<String, byte[]> producer;
    private KafkaTap events;
    private KafkaTap deadLetters;
    private String commandsTopic;
    private final String sessionId = Commands.newSessionId();

    @BeforeAll
    void startTheService(Infrastructure infra) {
        String prefix = Infrastructure.uniqueTopicPrefix();
        properties = new HashMap<>(infra.serviceProperties(infra.postgres().newDatabase(), prefix));
        properties.put("micronaut.server.port", -1);
        properties.put("wagate.session.auth-state.keys", AUTH_STATE_KEY);
        properties.put("wagate.simulator.scan-delay", "300ms");
        properties.put("wagate.simulator.qr-rotation", "10s");
        properties.put("wagate.simulator.server-ack-delay", "20ms");
        properties.put("wagate.simulator.delivery-delay", "50ms");
        properties.put("wagate.simulator.read-delay", "50ms");
        properties.put("wagate.session.send-connect-timeout", "3s");
        properties.put("wagate.session.reconnect-backoff", "200ms");
        properties.put("wagate.kafka.topics.partitions", 3);
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
        deadLetters = new KafkaTap(infra.kafkaBootstrapServers(), prefix + Topics.COMMAND_DEAD_LETTERS);
        service = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterAll
    void stopTheService() throws InterruptedException {
        if (service != null) {
            service.getApplicationContext().close();
        }
        events.close();
        deadLetters.close();
        producer.close();
    }

    @Test
    @Order(1)
    void aNewSessionShowsAQrThenConnectsWithItsPhoneNumber() {
        // When
        produce(sessionId, Commands.connect(sessionId));

        // Then
        await().atMost(PATIENCE).until(() -> statuses(sessionId).contains(SessionStatus.CONNECTED));
        List<Object> data = eventsOf(sessionId).stream().map(Event::getData).toList();
        assertThat(data).hasSize(4);
        assertThat(data.get(0)).isEqualTo(status(SessionStatus.PENDING, "created", null));
        assertThat(data.get(1)).isEqualTo(status(SessionStatus.QR, "qr_ready", null));
        SessionQrUpdated qr = (SessionQrUpdated) data.get(2);
        assertThat(qr.getRotation()).isEqualTo(1);
        assertThat(qr.getQr()).startsWith("2@").matches("2@[^,]+,[^,]+,[^,]+,[^,]+");
        assertThat(qr.getExpiresAt()).isAfter(eventsOf(sessionId).get(2).getCreatedAt());
        SessionStatusChanged connected = (SessionStatusChanged) data.get(3);
        assertThat(connected.getStatus()).isEqualTo(SessionStatus.CONNECTED);
        assertThat(connected.getReason()).isEqualTo("scanned");
        assertThat(connected.getPhoneNumber()).matches("1555[0-9]{7}");
        assertThat(service.getApplicationContext()
                        .getBean(SessionRepository.class)
                        .findById(sessionId)
                        .orElseThrow()
                        .authState())
                .isNotEmpty();
    }

    @Test
    @Order(2)
    void aTextIsSentDeliveredAndReadInThatOrderWithItsReferences() {
        // Given
        String messageId = Commands.newMessageId();

        // When
        produce(sessionId, Commands.sendText(sessionId, messageId, RECIPIENT, "hello", "order-42"));

        // Then
        await().atMost(PATIENCE).until(() -> messageStatuses(messageId).contains(MessageStatus.READ));
        assertThat(messageStatuses(messageId))
                .containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ);
        String waMessageId = WhatsAppMessageIds.derive(messageId);
        for (MessageStatusChanged event : messageEvents(messageId)) {
            assertThat(event.getWaMessageId()).isEqualTo(waMessageId);
            assertThat(event.getClientRef()).isEqualTo("order-42");
            assertThat(event.getMetadata()).containsEntry("campaign", "spring");
            assertThat(event.getRecipient()).isEqualTo(RECIPIENT + "@s.whatsapp.net");
            assertThat(event.getFailure()).isNull();
        }
        SimulatedWhatsApp whatsApp = service.getApplicationContext().getBean(SimulatedWhatsApp.class);
        assertThat(whatsApp.messagesReceivedBy(RECIPIENT + "@s.whatsapp.net"))
                .anySatisfy(received -> assertThat(received.text()).isEqualTo("hello"));
        assertThat(whatsApp.deliveryCount(waMessageId)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aRecipientWithoutWhatsAppFailsTheMessageAsNotOnWhatsApp() {
        // Given
        String messageId = Commands.newMessageId();

        // When
        produce(sessionId, Commands.sendText(sessionId, messageId, "5511900000000", "anyone?", "ref-0000"));

        // Then
        await().atMost(PATIENCE).until(() -> !messageEvents(messageId).isEmpty());
        MessageStatusChanged failed = messageEvents(messageId).getFirst();
        assertThat(failed.getStatus()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.getFailure().getCode()).isEqualTo("not_on_whatsapp");
        assertThat(failed.getClientRef()).isEqualTo("ref-0000");
    }

    @Test
    @Order(4)
    void aMalformedRecipientFailsTheMessageAsInvalidWithoutReachingWhatsApp() {
        // Given
        String messageId = Commands.newMessageId();

        // When
        produce(sessionId, Commands.sendText(sessionId, messageId, "not-a-number", "hi", null));

        // Then
        await().atMost(PATIENCE).until(() -> !messageEvents(messageId).isEmpty());
        MessageStatusChanged failed = messageEvents(messageId).getFirst();
        assertThat(failed.getFailure().getCode()).isEqualTo("invalid_recipient");
        assertThat(failed.getWaMessageId()).isNull();
        assertThat(failed.getRecipient()).isEqualTo("not-a-number");
    }

    @Test
    @Order(5)
    void aSendFromASessionNobodyCreatedFailsAsSessionNotFound() {
        // Given
        String unknownSession = Commands.newSessionId();
        String messageId = Commands.newMessageId();

        // When
        produce(unknownSession, Commands.sendText(unknownSession, messageId, RECIPIENT, "hi", null));

        // Then
        await().atMost(PATIENCE).until(() -> !messageEvents(messageId).isEmpty());
        assertThat(messageEvents(messageId).getFirst().getFailure().getCode()).isEqualTo("session_not_found");
    }

    @Test
    @Order(6)
    void garbageOnTheCommandsTopicIsSetAsideAndTheNextCommandStillWorks() {
        // Given
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        String messageId = Commands.newMessageId();

        // When
        produce(sessionId, garbage);
        produce(sessionId, Commands.sendText(sessionId, messageId, RECIPIENT, "after the garbage", null));

        // Then
        await().atMost(PATIENCE).until(() -> !deadLetters.records().isEmpty());
        ConsumerRecord<String, byte[]> letter = deadLetters.records().getFirst();
        assertThat(letter.key()).isEqualTo(sessionId);
        assertThat(letter.value()).isEqualTo(garbage);
        assertThat(new String(
                        letter.headers()
                                .lastHeader(Topics.DEAD_LETTER_REASON_HEADER)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("undecodable");
        await().atMost(PATIENCE).until(() -> messageStatuses(messageId).contains(MessageStatus.SENT));
    }

    @Test
    @Order(7)
    void aReplayedSendReachesTheRecipientOnlyOnce() {
        // Given a message that was sent, delivered and read
        String messageId = Commands.newMessageId();
        byte[] send = Commands.sendText(sessionId, messageId, RECIPIENT, "only once", null);
        produce(sessionId, send);
        await().atMost(PATIENCE).until(() -> messageStatuses(messageId).contains(MessageStatus.READ));

        // When the same command arrives again, followed by another send of the session
        produce(sessionId, send);
        String nextMessageId = Commands.newMessageId();
        produce(sessionId, Commands.sendText(sessionId, nextMessageId, RECIPIENT, "next", null));

        // Then the replay was handled (the next send got through) without sending anything again
        await().atMost(PATIENCE).until(() -> messageStatuses(nextMessageId).contains(MessageStatus.SENT));
        SimulatedWhatsApp whatsApp = service.getApplicationContext().getBean(SimulatedWhatsApp.class);
        String waMessageId = WhatsAppMessageIds.derive(messageId);
        assertThat(whatsApp.serverCopies(waMessageId)).isEqualTo(1);
        assertThat(whatsApp.deliveryCount(waMessageId)).isEqualTo(1);
        assertThat(messageStatuses(messageId))
                .containsExactly(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ);
    }

    @Test
    @Order(8)
    void aLoggedOutSessionForgetsItsCredentialsAndRefusesSends() {
        // Given a second connected session
        String other = Commands.newSessionId();
        produce(other, Commands.connect(other));
        await().atMost(PATIENCE).until(() -> statuses(other).contains(SessionStatus.CONNECTED));

        // When
        produce(other, Commands.logout(other));
        String messageId = Commands.newMessageId();
        produce(other, Commands.sendText(other, messageId, RECIPIENT, "still there?", null));

        // Then
        await().atMost(PATIENCE).until(() -> !messageEvents(messageId).isEmpty());
        assertThat(lastStatus(other).getStatus()).isEqualTo(SessionStatus.LOGGED_OUT);
        assertThat(lastStatus(other).getReason()).isEqualTo("logged_out");
        assertThat(messageEvents(messageId).getFirst().getFailure().getCode()).isEqualTo("session_not_connected");
        assertThat(service.getApplicationContext()
                        .getBean(SessionRepository.class)
                        .findById(other)
                        .orElseThrow()
                        .authState())
                .isNull();
    }

    @Test
    @Order(9)
    void aSendToASessionStillPairingWaitsUntilItIsConnected() {
        // Given a session that is only being created
        String pairing = Commands.newSessionId();
        produce(pairing, Commands.connect(pairing));
        String messageId = Commands.newMessageId();

        // When a send follows at once
        produce(pairing, Commands.sendText(pairing, messageId, RECIPIENT, "first words", null));

        // Then it goes out once the session is connected
        await().atMost(PATIENCE).until(() -> messageStatuses(messageId).contains(MessageStatus.SENT));
        List<String> order = events.records().stream()
                .filter(record -> pairing.equals(record.key()))
                .map(record -> EventCodec.decode(record.value()).getData())
                .map(data -> data instanceof SessionStatusChanged status
                        ? status.getStatus().name()
                        : data instanceof MessageStatusChanged message
                                ? message.getStatus().name()
                                : "qr")
                .toList();
        assertThat(order).containsSubsequence("PENDING", "QR", "CONNECTED", "SENT");
    }

    @Test
    @Order(10)
    void aRestartCommandReconnectsWithTheSameCredentialsAndADeletedSessionIsGone() {
        // Given
        String restarted = Commands.newSessionId();
        produce(restarted, Commands.connect(restarted));
        await().atMost(PATIENCE).until(() -> statuses(restarted).contains(SessionStatus.CONNECTED));
        String phoneNumber = lastStatus(restarted).getPhoneNumber();

        // When
        produce(restarted, Commands.restart(restarted));

        // Then
        await().atMost(PATIENCE)
                .until(() -> "restarted".equals(lastStatus(restarted).getReason()));
        assertThat(lastStatus(restarted).getStatus()).isEqualTo(SessionStatus.CONNECTED);
        assertThat(lastStatus(restarted).getPhoneNumber()).isEqualTo(phoneNumber);
        assertThat(eventsOf(restarted).stream().filter(event -> event.getData() instanceof SessionQrUpdated))
                .hasSize(1);

        // When
        produce(restarted, Commands.delete(restarted));

        // Then
        await().atMost(PATIENCE).until(() -> lastStatus(restarted).getStatus() == SessionStatus.DELETED);
        assertThat(service.getApplicationContext()
                        .getBean(SessionRepository.class)
                        .findById(restarted)
                        .orElseThrow()
                        .authState())
                .isNull();
    }

    @Test
    @Order(11)
    void healthAnswersUpAndAnUnknownPathAnswersTheErrorEnvelope() throws Exception {
        // Given
        var http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + service.getPort();

        // When
        var health = http.send(
                HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        var unknown = http.send(
                HttpRequest.newBuilder(URI.create(base + "/nope")).build(), HttpResponse.BodyHandlers.ofString());

        var readiness = http.send(
                HttpRequest.newBuilder(URI.create(base + "/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        var metrics = http.send(
                HttpRequest.newBuilder(URI.create(base + "/prometheus")).build(), HttpResponse.BodyHandlers.ofString());

        // Then
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("wagate_sessions_owned{service=\"session-service\"} ")
                .contains("wagate_send_latency_seconds_count{service=\"session-service\",stage=\"whatsapp_ack\"}")
                .contains("wagate_sends_total{outcome=\"acked\"")
                .contains("kafka_consumer");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"error\":{\"code\":\"not_found\"");
    }

    @Test
    @Order(11)
    void theCommandsTopicWasCreatedWithTheConfiguredPartitions() throws Exception {
        // (the events and dead-letter topics existed already: this test's taps subscribed first)
        try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of(
                org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                properties.get("kafka.bootstrap.servers")))) {
            var topic = admin.describeTopics(List.of(commandsTopic))
                    .allTopicNames()
                    .get(30, TimeUnit.SECONDS)
                    .get(commandsTopic);
            assertThat(topic.partitions()).hasSize(3);
        }
    }

    @Test
    @Order(12)
    void theSessionsCredentialsAreEncryptedAtRest() throws Exception {
        // Given the session paired earlier
        byte[] stored;
        try (var connection = java.sql.DriverManager.getConnection(
                        (String) properties.get("datasources.default.url"),
                        (String) properties.get("datasources.default.username"),
                        (String) properties.get("datasources.default.password"));
                var query = connection.prepareStatement("SELECT auth_state FROM session.sessions WHERE id = ?")) {
            query.setString(1, sessionId);
            var row = query.executeQuery();
            assertThat(row.next()).isTrue();
            stored = row.getBytes(1);
        }

        // Then what is stored is our sealed format, opens only with the key and this session's id
        assertThat(stored[0]).isEqualTo((byte) 0x01);
        var cipher = new io.wagate.session.credentials.AuthStateCipher(
                new io.wagate.session.credentials.AuthStateKeys(List.of(AUTH_STATE_KEY)));
        assertThat(new String(cipher.open(sessionId, stored), java.nio.charset.StandardCharsets.UTF_8))
                .isNotBlank();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("1555");
        assertThatThrownBy(() -> cipher.open("sess_someone_else", stored))
                .isInstanceOf(io.wagate.session.credentials.UnreadableCredentialsException.class);
    }

    @Test
    @Order(13)
    void aDroppedSocketReconnectsByItselfWithoutANewQrAndSendsAgain() {
        // Given
        int before = eventsOf(sessionId).size();
        SimulatedWhatsApp whatsApp = service.getApplicationContext().getBean(SimulatedWhatsApp.class);

        // When the network drops the session's socket
        assertThat(whatsApp.dropConnection(sessionId)).isTrue();

        // Then it is announced, and the session comes back on its own with the same number
        await().atMost(PATIENCE)
                .until(() -> lastStatus(sessionId).getStatus() == SessionStatus.CONNECTED
                        && eventsOf(sessionId).size() > before + 1);
        List<Object> after = eventsOf(sessionId)
                .subList(before, eventsOf(sessionId).size())
                .stream()
                .map(Event::getData)
                .toList();
        assertThat(after).noneMatch(SessionQrUpdated.class::isInstance);
        assertThat(after.getFirst()).isEqualTo(status(SessionStatus.DISCONNECTED, "connection_lost", phoneNumber()));
        assertThat(lastStatus(sessionId).getReason()).isEqualTo("reconnected");
        String messageId = Commands.newMessageId();
        produce(sessionId, Commands.sendText(sessionId, messageId, RECIPIENT, "after the blip", null));
        await().atMost(PATIENCE).until(() -> messageStatuses(messageId).contains(MessageStatus.SENT));
    }

    @Test
    @Order(14)
    void afterARestartTheSessionResumesConnectedWithoutANewQr() {
        // Given the service stops while the session is connected
        service.getApplicationContext().close();
        int before = eventsOf(sessionId).size();

        // When a new instance starts on the same database and topics
        service = ApplicationContext.run(EmbeddedServer.class, properties);

        // Then
        await().atMost(PATIENCE).until(() -> eventsOf(sessionId).size() > before);
        List<Object> afterRestart = eventsOf(sessionId)
                .subList(before, eventsOf(sessionId).size())
                .stream()
                .map(Event::getData)
                .toList();
        assertThat(afterRestart).noneMatch(SessionQrUpdated.class::isInstance);
        SessionStatusChanged resumed = (SessionStatusChanged) afterRestart.getFirst();
        assertThat(resumed.getStatus()).isEqualTo(SessionStatus.CONNECTED);
        assertThat(resumed.getReason()).isEqualTo("resumed");
        assertThat(resumed.getPhoneNumber()).matches("1555[0-9]{7}");

        // and it sends again
        String messageId = Commands.newMessageId();
        produce(sessionId, Commands.sendText(sessionId, messageId, RECIPIENT, "back", null));
        await().atMost(PATIENCE).until(() -> messageStatuses(messageId).contains(MessageStatus.READ));
    }

    @Test
    @Order(15)
    void aStaleOwnerStopsDrivingTheSessionOnceAnotherInstanceClaimsIt() {
        // Given the session runs here, connected
        await().atMost(PATIENCE).until(() -> lastStatus(sessionId).getStatus() == SessionStatus.CONNECTED);
        var context = service.getApplicationContext();
        SimulatedWhatsApp whatsApp = context.getBean(SimulatedWhatsApp.class);
        int before = eventsOf(sessionId).size();

        // When another instance takes the session over (a newer epoch) and then our socket drops
        context.getBean(io.wagate.session.ownership.SessionFence.class).claim(sessionId);
        assertThat(whatsApp.dropConnection(sessionId)).isTrue();

        // Then this instance neither announces nor reconnects: the session is the new owner's
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> eventsOf(sessionId).size() == before);
        assertThat(whatsApp.dropConnection(sessionId)).as("still online here").isFalse();
        assertThat(context.getBean(io.wagate.session.runtime.SessionRegistry.class)
                        .find(sessionId))
                .isEmpty();
    }

    private void produce(String key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(commandsTopic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Event> eventsOf(String session) {
        return events.records().stream()
                .filter(record -> session.equals(record.key()))
                .map(record -> EventCodec.decode(record.value()))
                .toList();
    }

    private List<SessionStatus> statuses(String session) {
        return eventsOf(session).stream()
                .map(Event::getData)
                .filter(SessionStatusChanged.class::isInstance)
                .map(data -> ((SessionStatusChanged) data).getStatus())
                .toList();
    }

    private String phoneNumber() {
        return lastStatus(sessionId).getPhoneNumber();
    }

    private SessionStatusChanged lastStatus(String session) {
        return eventsOf(session).stream()
                .map(Event::getData)
                .filter(SessionStatusChanged.class::isInstance)
                .map(SessionStatusChanged.class::cast)
                .toList()
                .getLast();
    }

    private List<MessageStatusChanged> messageEvents(String messageId) {
        return events.records().stream()
                .map(record -> EventCodec.decode(record.value()).getData())
                .filter(MessageStatusChanged.class::isInstance)
                .map(MessageStatusChanged.class::cast)
                .filter(event -> event.getMessageId().equals(messageId))
                .toList();
    }

    private List<MessageStatus> messageStatuses(String messageId) {
        return messageEvents(messageId).stream()
                .map(MessageStatusChanged::getStatus)
                .toList();
    }

    private static SessionStatusChanged status(SessionStatus status, String reason, String phoneNumber) {
        return new SessionStatusChanged(status, reason, phoneNumber);
    }
}
