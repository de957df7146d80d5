package io.wagate.webhook.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.schemas.v1.MessageStatus;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import io.wagate.webhook.testing.EventProducer;
import io.wagate.webhook.testing.Testbed;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Events older than the retention (2 s here) are deleted, unless a delivery still waits on them. */
@ExtendWith(InfrastructureExtension.class)
class EventRetentionIT {

    private static final String ORG = "org_retention";
    private static final String KEY = "wag_org_retention";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Testbed bed;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        bed = Testbed.start(
                infrastructure,
                Map.of(
                        "wagate.webhooks.retry-schedule", String.join(",", Collections.nCopies(100, "200ms")),
                        "wagate.events.retention", "2s",
                        "wagate.events.cleanup-interval", "500ms"));
        bed.apiService().knows(KEY, ORG);
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void anExpiredEventIsDeletedWithItsDeliveriesOnceNoneIsPending() {
        // Given an endpoint that takes one event, and fails the other for a long while
        String endpointId = (String) bed.service()
                .post("/v1/webhooks", KEY, Map.of("url", bed.receiver().hook("kept")))
                .json()
                .get("id");
        String delivered = EventProducer.newEventId();
        String pending = EventProducer.newEventId();
        bed.receiver()
                .answerNextFor("kept", pending, Collections.nCopies(40, 500).toArray(Integer[]::new));

        // When both are older than the retention
        bed.events().send(EventProducer.messageEvent(ORG, delivered, MessageStatus.SENT));
        bed.events().send(EventProducer.messageEvent(ORG, pending, MessageStatus.SENT));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.database().deliveryOf(delivered, endpointId))
                .containsEntry("status", "delivered"));

        // Then the delivered one is deleted with its delivery and attempts, and the pending one is kept
        await().atMost(PATIENCE).until(() -> eventRows(delivered) == 0);
        assertThat(bed.database().rows("SELECT id FROM deliveries WHERE event_id = ?", delivered))
                .isEmpty();
        assertThat(bed.database().rows("SELECT id FROM delivery_attempts WHERE event_id = ?", delivered))
                .isEmpty();
        assertThat(eventRows(pending)).isEqualTo(1);
        assertThat(bed.database().deliveryOf(pending, endpointId)).containsEntry("status", "pending");
    }

    private static int eventRows(String eventId) {
        return bed.database()
                .rows("SELECT id FROM events WHERE id = ?", eventId)
                .size();
    }
}
