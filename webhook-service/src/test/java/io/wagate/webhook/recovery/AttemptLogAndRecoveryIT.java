package io.wagate.webhook.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.schemas.v1.MessageStatus;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import io.wagate.webhook.testing.EventProducer;
import io.wagate.webhook.testing.Organization;
import io.wagate.webhook.testing.RunningWebhookService;
import io.wagate.webhook.testing.Testbed;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every attempt is logged and readable per webhook and per event; failed deliveries can be sent again. */
@ExtendWith(InfrastructureExtension.class)
class AttemptLogAndRecoveryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Testbed bed;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        bed = Testbed.start(infrastructure, Map.of("wagate.webhooks.retry-schedule", "100ms,100ms"));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void theAttemptLogShowsEveryAttemptNewestFirstAPageAtATimePerWebhookAndPerEvent() {
        // Given an endpoint that fails twice, then answers 200
        Organization organization = newOrganization();
        String endpointId = register(organization, "logged");
        bed.receiver().answerNext("logged", 500, 502);

        // When an event is emitted and delivered on the third attempt
        String eventId = emit(organization);
        awaitStatus(eventId, endpointId, "delivered");

        // Then the webhook's log answers the attempts newest first, two per page
        Map<String, Object> firstPage = bed.service()
                .get("/v1/webhooks/" + endpointId + "/attempts?limit=2", organization.apiKey())
                .json();
        assertThat(firstPage).containsEntry("has_more", true);
        List<Map<String, Object>> newest = data(firstPage);
        assertThat(newest).extracting(attempt -> attempt.get("status_code")).containsExactly(200, 502);
        assertThat(newest.getFirst())
                .containsEntry("webhook_id", endpointId)
                .containsEntry("event_id", eventId)
                .containsEntry("response_body", "ok")
                .containsEntry("error", null)
                .containsKeys("id", "delivery_id", "attempted_at", "latency_ms");
        Map<String, Object> secondPage = bed.service()
                .get(
                        "/v1/webhooks/" + endpointId + "/attempts?limit=2&starting_after="
                                + newest.getLast().get("id"),
                        organization.apiKey())
                .json();
        assertThat(secondPage).containsEntry("has_more", false);
        assertThat(data(secondPage))
                .extracting(attempt -> attempt.get("status_code"))
                .containsExactly(500);
        assertThat(data(secondPage).getFirst()).containsEntry("response_body", "not now");

        // And the event's log answers the same three
        assertThat(data(bed.service()
                        .get("/v1/events/" + eventId + "/attempts", organization.apiKey())
                        .json()))
                .extracting(attempt -> attempt.get("status_code"))
                .containsExactly(200, 502, 500);
    }

    @Test
    void aFailedDeliveryRetriedByHandIsAttemptedOnceMore() {
        // Given a delivery that failed for good (three attempts), and an endpoint that now works
        Organization organization = newOrganization();
        String endpointId = register(organization, "by-hand");
        bed.receiver().answerNext("by-hand", 500, 500, 500);
        String eventId = emit(organization);
        awaitStatus(eventId, endpointId, "failed");
        String deliveryId =
                (String) bed.database().deliveryOf(eventId, endpointId).get("id");

        // When it is retried by hand
        RunningWebhookService.Response retried = bed.service()
                .post(
                        "/v1/webhooks/" + endpointId + "/deliveries/" + deliveryId + "/retry",
                        organization.apiKey(),
                        Map.of());

        // Then it is delivered with a fourth attempt, under the same webhook-id
        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json()).containsEntry("delivery_id", deliveryId).containsEntry("status", "pending");
        awaitStatus(eventId, endpointId, "delivered");
        assertThat(bed.receiver().receivedBy("by-hand")).hasSize(4).allSatisfy(received -> assertThat(
                        received.header("webhook-id"))
                .isEqualTo(eventId));
    }

    @Test
    void recoveringSinceATimeSendsWhatFailedAndWhatTheEndpointMissedWhileDisabled() {
        // Given an endpoint whose deliveries of two events failed for good
        Organization organization = newOrganization();
        Instant since = Instant.now().minusSeconds(1);
        String endpointId = register(organization, "recovered");
        bed.receiver().answerAlways("recovered", 500);
        String first = emit(organization);
        String second = emit(organization);
        awaitStatus(first, endpointId, "failed");
        awaitStatus(second, endpointId, "failed");

        // And a third event emitted while its owner had disabled it
        bed.service().patch("/v1/webhooks/" + endpointId, organization.apiKey(), Map.of("enabled", false));
        String whileDisabled = emit(organization);
        await().atMost(PATIENCE).until(() -> !bed.database()
                .rows("SELECT id FROM events WHERE id = ?", whileDisabled)
                .isEmpty());

        // When it works again, is enabled, and is recovered since before the first event
        bed.receiver().answerAlways("recovered", 200);
        bed.service().patch("/v1/webhooks/" + endpointId, organization.apiKey(), Map.of("enabled", true));
        RunningWebhookService.Response recovered = bed.service()
                .post(
                        "/v1/webhooks/" + endpointId + "/recover",
                        organization.apiKey(),
                        Map.of("since", since.toString()));

        // Then all three are delivered
        assertThat(recovered.status()).as(recovered.body()).isEqualTo(202);
        assertThat(recovered.json()).containsEntry("recovered", 3);
        awaitStatus(first, endpointId, "delivered");
        awaitStatus(second, endpointId, "delivered");
        awaitStatus(whileDisabled, endpointId, "delivered");
        assertThat(bed.receiver().receivedBy("recovered").stream()
                        .filter(received -> received.answeredStatus() == 200)
                        .map(received -> received.header("webhook-id")))
                .containsExactlyInAnyOrder(first, second, whileDisabled);
    }

    @Test
    void recoveringSinceALaterTimeLeavesEarlierFailuresAlone() {
        // Given a delivery that failed for good
        Organization organization = newOrganization();
        String endpointId = register(organization, "not-that-far");
        bed.receiver().answerAlways("not-that-far", 500);
        String eventId = emit(organization);
        awaitStatus(eventId, endpointId, "failed");

        // When the endpoint is recovered since a moment after it
        RunningWebhookService.Response recovered = bed.service()
                .post(
                        "/v1/webhooks/" + endpointId + "/recover",
                        organization.apiKey(),
                        Map.of("since", Instant.now().toString()));

        // Then nothing is re-queued
        assertThat(recovered.json()).containsEntry("recovered", 0);
        assertThat(bed.database().deliveryOf(eventId, endpointId)).containsEntry("status", "failed");
    }

    private static Organization newOrganization() {
        return bed.newOrganization();
    }

    private static String register(Organization organization, String hook) {
        RunningWebhookService.Response created = bed.service()
                .post(
                        "/v1/webhooks",
                        organization.apiKey(),
                        Map.of("url", bed.receiver().hook(hook)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return (String) created.json().get("id");
    }

    private static String emit(Organization organization) {
        String eventId = EventProducer.newEventId();
        bed.events().send(EventProducer.messageEvent(organization.id(), eventId, MessageStatus.SENT));
        return eventId;
    }

    private static void awaitStatus(String eventId, String endpointId, String status) {
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.database().deliveryOf(eventId, endpointId))
                .containsEntry("status", status));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> data(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("data");
    }
}
