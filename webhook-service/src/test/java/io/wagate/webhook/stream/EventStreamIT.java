package io.wagate.webhook.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import io.wagate.webhook.testing.EventProducer;
import io.wagate.webhook.testing.Organization;
import io.wagate.webhook.testing.SseClient;
import io.wagate.webhook.testing.SseClient.Message;
import io.wagate.webhook.testing.Testbed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /v1/events}: an organization's events as Server-Sent Events, resumable without a gap. */
@ExtendWith(InfrastructureExtension.class)
class EventStreamIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Testbed bed;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        bed = Testbed.start(infrastructure, Map.of("wagate.events.heartbeat", "1s"));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void theStreamCarriesTheOrganizationsEventsWithIdTypeAndTheWebhookBody() {
        // Given an organization listening to its stream
        Organization organization = newOrganization();
        Organization other = newOrganization();
        try (SseClient stream = open(organization, "/v1/events", null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");

            // When an event of it and one of another organization are emitted
            String theirs = EventProducer.newEventId();
            bed.events().send(EventProducer.messageEvent(other.id(), theirs, MessageStatus.SENT));
            String eventId = EventProducer.newEventId();
            bed.events().send(EventProducer.messageEvent(organization.id(), eventId, MessageStatus.READ));

            // Then its own arrives as id / event / data, the data being exactly what webhooks send
            Message message = await().atMost(PATIENCE)
                    .until(stream::messages, list -> !list.isEmpty())
                    .getFirst();
            assertThat(message.id()).isEqualTo(eventId);
            assertThat(message.event()).isEqualTo("message.read");
            String stored = (String) bed.database()
                    .rows("SELECT payload FROM events WHERE id = ?", eventId)
                    .getFirst()
                    .get("payload");
            assertThat(message.data()).isEqualTo(stored);
            await().atMost(PATIENCE).until(() -> eventStored(theirs));
            assertThat(stream.messages()).extracting(Message::id).containsExactly(eventId);
        }
    }

    @Test
    void aStreamResumedWithLastEventIdAfterADroppedConnectionMissesNothingAndRepeatsNothing() {
        // Given a client that read five events, then lost its connection
        Organization organization = newOrganization();
        List<String> before = new ArrayList<>();
        String lastSeen;
        try (SseClient stream = open(organization, "/v1/events", null)) {
            for (int i = 0; i < 5; i++) {
                before.add(emit(organization));
            }
            await().atMost(PATIENCE).until(() -> stream.messages().size() == 5);
            assertThat(stream.messages()).extracting(Message::id).containsExactlyElementsOf(before);
            lastSeen = stream.messages().getLast().id();
        }

        // When five more events happen while it is away, and it reconnects with Last-Event-ID
        List<String> whileAway = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            whileAway.add(emit(organization));
        }
        await().atMost(PATIENCE).until(() -> eventStored(whileAway.getLast()));
        try (SseClient resumed = open(organization, "/v1/events", lastSeen)) {
            List<String> afterwards = new ArrayList<>(whileAway);
            afterwards.add(emit(organization));

            // Then it gets exactly what it missed, in order, then what comes next
            await().atMost(PATIENCE).until(() -> resumed.messages().size() >= 6);
            await().during(Duration.ofMillis(300))
                    .until(() -> resumed.messages().size() == 6);
            assertThat(resumed.messages()).extracting(Message::id).containsExactlyElementsOf(afterwards);
        }
    }

    @Test
    void theStreamCanBeNarrowedToTypesAndToOneSession() {
        // Given streams for message.sent only, and for one session only
        Organization organization = newOrganization();
        try (SseClient sentOnly = open(organization, "/v1/events?types=message.sent,message.failed", null);
                SseClient oneSession = open(organization, "/v1/events?session_id=sess_one", null)) {

            // When events of other types and sessions are emitted
            String read = EventProducer.newEventId();
            String sent = EventProducer.newEventId();
            String otherSession = EventProducer.newEventId();
            String status = EventProducer.newEventId();
            bed.events().send(EventProducer.messageEvent(organization.id(), read, MessageStatus.READ, "sess_one"));
            bed.events().send(EventProducer.messageEvent(organization.id(), sent, MessageStatus.SENT, "sess_two"));
            bed.events()
                    .send(EventProducer.messageEvent(organization.id(), otherSession, MessageStatus.SENT, "sess_two"));
            bed.events().send(EventProducer.sessionStatusEvent(organization.id(), status, SessionStatus.CONNECTED));
            await().atMost(PATIENCE).until(() -> eventStored(status));

            // Then each carries only what it asked for
            await().atMost(PATIENCE).until(() -> sentOnly.messages().size() == 2);
            assertThat(sentOnly.messages()).extracting(Message::id).containsExactly(sent, otherSession);
            await().atMost(PATIENCE).until(() -> oneSession.messages().size() == 1);
            assertThat(oneSession.messages()).extracting(Message::id).containsExactly(read);
        }
    }

    @Test
    void aQuietStreamSendsHeartbeatCommentsThatAreNotMessages() {
        Organization organization = newOrganization();
        try (SseClient stream = open(organization, "/v1/events", null)) {
            await().atMost(PATIENCE).until(() -> stream.comments().size() >= 2);

            assertThat(stream.comments()).allMatch("heartbeat"::equals);
            assertThat(stream.messages()).isEmpty();
            assertThat(stream.rawLines()).noneMatch(line -> line.startsWith("data:"));
        }
    }

    private static Organization newOrganization() {
        return bed.newOrganization();
    }

    private static SseClient open(Organization organization, String path, String lastEventId) {
        return SseClient.open(bed.service().baseUrl(), path, organization.apiKey(), lastEventId);
    }

    private static String emit(Organization organization) {
        String eventId = EventProducer.newEventId();
        bed.events().send(EventProducer.messageEvent(organization.id(), eventId, MessageStatus.DELIVERED));
        return eventId;
    }

    private static boolean eventStored(String eventId) {
        return !bed.database()
                .rows("SELECT id FROM events WHERE id = ?", eventId)
                .isEmpty();
    }
}
