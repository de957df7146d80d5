package io.wagate.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionPairingCodeIssued;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.session.store.SessionRepository;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Pairing by a code typed on the phone, and the ends of a link WhatsApp decides: bans and takeovers. */
@ExtendWith(InfrastructureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PairingAndEndingsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String RECIPIENT = "5511999999999";

    private ServiceCluster cluster;
    private ServiceCluster.Instance service;

    @BeforeAll
    void startTheService(Infrastructure infra) {
        cluster = new ServiceCluster(infra, 2, Map.of());
        service = cluster.start("pairing");
    }

    @AfterAll
    void stopTheService() throws InterruptedException {
        cluster.close();
    }

    @Test
    void aPairingCodeIsAnnouncedThenTheSessionConnectsAsThePhoneItWasRequestedFor() {
        // Given
        String sessionId = Commands.newSessionId();

        // When
        cluster.produce(sessionId, Commands.requestPairingCode(sessionId, "5511987654321"));

        // Then
        await().atMost(PATIENCE).until(() -> cluster.isConnected(sessionId));
        List<Object> data =
                cluster.eventsOf(sessionId).stream().map(Event::getData).toList();
        assertThat(data.get(0)).isEqualTo(new SessionStatusChanged(SessionStatus.PENDING, "created", null));
        assertThat(data.get(1)).isEqualTo(new SessionStatusChanged(SessionStatus.PENDING, "pairing_code_ready", null));
        assertThat(data.get(2)).isInstanceOfSatisfying(SessionPairingCodeIssued.class, code -> {
            assertThat(code.getCode()).matches("[1-9A-HJ-NP-TV-Z]{8}");
            assertThat(code.getPhoneNumber()).isEqualTo("5511987654321");
            assertThat(code.getExpiresAt())
                    .isAfter(cluster.eventsOf(sessionId).get(2).getCreatedAt());
        });
        assertThat(data).noneMatch(SessionQrUpdated.class::isInstance);
        assertThat(data.getLast())
                .isEqualTo(new SessionStatusChanged(SessionStatus.CONNECTED, "pairing_code_entered", "5511987654321"));
        assertThat(sessions().findById(sessionId).orElseThrow().authState()).isNotEmpty();
    }

    @Test
    void aMalformedPhoneNumberIsAnsweredWithCommandFailedAndNothingElse() {
        // Given
        String sessionId = Commands.newSessionId();
        byte[] request = Commands.requestPairingCode(sessionId, "+55 11 98765-4321");

        // When
        cluster.produce(sessionId, request);

        // Then
        await().atMost(PATIENCE).until(() -> !cluster.eventsOf(sessionId).isEmpty());
        List<Event> events = cluster.eventsOf(sessionId);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().getData()).isInstanceOfSatisfying(CommandFailed.class, failed -> {
            assertThat(failed.getCode()).isEqualTo("invalid_phone_number");
            assertThat(failed.getCommandId()).startsWith("cmd_");
        });
        assertThat(sessions().findById(sessionId)).isEmpty();
    }

    @Test
    void aLinkedSessionRefusesAPairingCodeAndStaysConnected() {
        // Given a session linked by QR
        String sessionId = connectedSession();

        // When
        cluster.produce(sessionId, Commands.requestPairingCode(sessionId, "5511987654321"));

        // Then
        await().atMost(PATIENCE)
                .until(() -> cluster.eventsOf(sessionId).getLast().getData() instanceof CommandFailed);
        assertThat(((CommandFailed) cluster.eventsOf(sessionId).getLast().getData()).getCode())
                .isEqualTo("already_linked");
        assertThat(cluster.isConnected(sessionId))
                .as("still connected, as it was")
                .isTrue();
        assertThat(cluster.eventsOf(sessionId)).noneMatch(event -> event.getData() instanceof SessionPairingCodeIssued);
    }

    @Test
    void aBannedSessionForgetsItsCredentialsFailsWhatItHadQueuedAndStaysDown() {
        // Given a connected session with a message being typed and another queued behind it
        String sessionId = connectedSession();
        String typed = Commands.newMessageId();
        String queued = Commands.newMessageId();
        cluster.produce(sessionId, Commands.sendTextTyping(sessionId, typed, RECIPIENT, "typing...", 20));
        cluster.produce(sessionId, Commands.sendText(sessionId, queued, RECIPIENT, "behind it", null));
        await().atMost(PATIENCE)
                .until(() -> cluster.whatsApp().presenceUpdates(sessionId).size() == 1);

        // When WhatsApp bans the number
        assertThat(cluster.whatsApp().ban(sessionId)).isTrue();

        // Then
        await().atMost(PATIENCE).until(() -> lastStatus(sessionId).getStatus() == SessionStatus.BANNED);
        assertThat(lastStatus(sessionId).getReason()).isEqualTo("banned");
        await().atMost(PATIENCE).until(() -> !cluster.messageStatuses(queued).isEmpty());
        for (String messageId : List.of(typed, queued)) {
            MessageStatusChanged failed = messageEvent(messageId);
            assertThat(failed.getStatus()).isEqualTo(MessageStatus.FAILED);
            assertThat(failed.getFailure().getCode()).isEqualTo("session_not_connected");
            assertThat(failed.getFailure().getMessage()).contains("banned");
        }
        assertThat(sessions().findById(sessionId).orElseThrow().authState()).isNull();
        int announced = cluster.eventsOf(sessionId).size();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(3))
                .until(() -> cluster.eventsOf(sessionId).size() == announced);
        assertThat(cluster.whatsApp().isOnline(sessionId)).isFalse();
        assertThat(service.registry().find(sessionId)).isEmpty();

        // and a later send fails at once
        String later = Commands.newMessageId();
        cluster.produce(sessionId, Commands.sendText(sessionId, later, RECIPIENT, "anyone?", null));
        await().atMost(PATIENCE).until(() -> !cluster.messageStatuses(later).isEmpty());
        assertThat(messageEvent(later).getFailure().getMessage()).isEqualTo("the session is banned");
    }

    @Test
    void aReplacedSessionKeepsItsCredentialsAndWaitsForAConnectToComeBackWithoutAQr() {
        // Given
        String sessionId = connectedSession();
        String phoneNumber = lastStatus(sessionId).getPhoneNumber();

        // When another client takes the device over
        assertThat(cluster.whatsApp().replace(sessionId)).isTrue();

        // Then the session says so and does not take it back by itself
        await().atMost(PATIENCE).until(() -> lastStatus(sessionId).getStatus() == SessionStatus.REPLACED);
        assertThat(lastStatus(sessionId).getReason()).isEqualTo("replaced");
        assertThat(lastStatus(sessionId).getPhoneNumber()).isEqualTo(phoneNumber);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> !cluster.whatsApp()
                .isOnline(sessionId));
        assertThat(sessions().findById(sessionId).orElseThrow().authState()).isNotEmpty();

        // When someone asks it to connect
        int before = cluster.eventsOf(sessionId).size();
        cluster.produce(sessionId, Commands.connect(sessionId));

        // Then it is back with its credentials
        await().atMost(PATIENCE).until(() -> cluster.isConnected(sessionId));
        List<Object> after = cluster
                .eventsOf(sessionId)
                .subList(before, cluster.eventsOf(sessionId).size())
                .stream()
                .map(Event::getData)
                .toList();
        assertThat(after)
                .containsExactly(new SessionStatusChanged(SessionStatus.CONNECTED, "connect_requested", phoneNumber));
    }

    private String connectedSession() {
        String sessionId = Commands.newSessionId();
        cluster.produce(sessionId, Commands.connect(sessionId));
        await().atMost(PATIENCE).until(() -> cluster.isConnected(sessionId));
        return sessionId;
    }

    private SessionStatusChanged lastStatus(String sessionId) {
        return cluster.statusesOf(sessionId).getLast();
    }

    private MessageStatusChanged messageEvent(String messageId) {
        return cluster.events().stream()
                .map(Event::getData)
                .filter(MessageStatusChanged.class::isInstance)
                .map(MessageStatusChanged.class::cast)
                .filter(event -> event.getMessageId().equals(messageId))
                .findFirst()
                .orElseThrow();
    }

    private SessionRepository sessions() {
        return service.context().getBean(SessionRepository.class);
    }
}
