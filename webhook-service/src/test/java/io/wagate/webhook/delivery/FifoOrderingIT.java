package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.schemas.v1.MessageStatus;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import io.wagate.webhook.testing.EventProducer;
import io.wagate.webhook.testing.RunningWebhookService;
import io.wagate.webhook.testing.Testbed;
import io.wagate.webhook.testing.WebhookReceiver.Received;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A FIFO endpoint gets each session's events in order, even when one fails; other sessions go on. */
@ExtendWith(InfrastructureExtension.class)
class FifoOrderingIT {

    private static final String ORG = "org_fifo";
    private static final String KEY = "wag_org_fifo";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Testbed bed;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        bed = Testbed.start(infrastructure, Map.of("wagate.webhooks.retry-schedule", "400ms,400ms,400ms,400ms"));
        bed.apiService().knows(KEY, ORG);
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void aFailingEventHoldsBackLaterEventsOfItsSessionOnlyAndOrderIsKept() {
        // Given a FIFO endpoint, and two sessions whose first events are interleaved
        register("fifo", "fifo");
        List<String> sessionA = eventIds(5);
        List<String> sessionB = eventIds(5);
        // The first event of session A fails twice before it is accepted.
        bed.receiver().answerNextFor("fifo", sessionA.getFirst(), 500, 500);

        // When both sessions' events are emitted, interleaved
        for (int i = 0; i < 5; i++) {
            bed.events().send(EventProducer.messageEvent(ORG, sessionA.get(i), MessageStatus.SENT, "sess_a"));
            bed.events().send(EventProducer.messageEvent(ORG, sessionB.get(i), MessageStatus.SENT, "sess_b"));
        }

        // Then each session's events are accepted in the order they happened
        await().atMost(PATIENCE).until(() -> accepted("fifo").size() == 10);
        List<String> accepted = accepted("fifo");
        assertThat(accepted.stream().filter(sessionA::contains)).containsExactlyElementsOf(sessionA);
        assertThat(accepted.stream().filter(sessionB::contains)).containsExactlyElementsOf(sessionB);

        // And no later event of session A was even attempted before the first one was accepted
        List<Received> requests = bed.receiver().receivedBy("fifo");
        int firstAccepted = indexOfAccepted(requests, sessionA.getFirst());
        for (String later : sessionA.subList(1, 5)) {
            assertThat(indexOfFirstAttempt(requests, later)).isGreaterThan(firstAccepted);
        }

        // And session B was not held back: it was all accepted before A's first event was
        for (String event : sessionB) {
            assertThat(indexOfAccepted(requests, event)).isLessThan(firstAccepted);
        }
    }

    @Test
    void aBestEffortEndpointIsNotHeldBackByAFailingEvent() {
        // Given a best-effort endpoint, whose first event of a session fails twice
        register("best-effort", "best_effort");
        List<String> session = eventIds(3);
        bed.receiver().answerNextFor("best-effort", session.getFirst(), 500, 500);

        // When the session's events are emitted
        session.forEach(id -> bed.events().send(EventProducer.messageEvent(ORG, id, MessageStatus.SENT, "sess_c")));

        // Then the later ones are accepted before the first one is
        await().atMost(PATIENCE).until(() -> accepted("best-effort").size() == 3);
        assertThat(accepted("best-effort").getLast()).isEqualTo(session.getFirst());
    }

    private static void register(String hook, String ordering) {
        RunningWebhookService.Response created = bed.service()
                .post("/v1/webhooks", KEY, Map.of("url", bed.receiver().hook(hook), "ordering", ordering));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    private static List<String> eventIds(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(EventProducer.newEventId());
        }
        return ids;
    }

    private static List<String> accepted(String hook) {
        return bed.receiver().receivedBy(hook).stream()
                .filter(received -> received.answeredStatus() == 200)
                .map(received -> received.header("webhook-id"))
                .toList();
    }

    private static int indexOfAccepted(List<Received> requests, String eventId) {
        for (int i = 0; i < requests.size(); i++) {
            if (eventId.equals(requests.get(i).header("webhook-id"))
                    && requests.get(i).answeredStatus() == 200) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOfFirstAttempt(List<Received> requests, String eventId) {
        for (int i = 0; i < requests.size(); i++) {
            if (eventId.equals(requests.get(i).header("webhook-id"))) {
                return i;
            }
        }
        return -1;
    }
}
