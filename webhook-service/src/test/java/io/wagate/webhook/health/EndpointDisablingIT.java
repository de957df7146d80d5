package io.wagate.webhook.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import io.wagate.webhook.testing.EventProducer;
import io.wagate.webhook.testing.Organization;
import io.wagate.webhook.testing.RunningWebhookService;
import io.wagate.webhook.testing.Testbed;
import io.wagate.webhook.testing.WebhookReceiver.Received;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An endpoint that fails every attempt for {@code disable-after} (2 s here) is disabled, and others hear of it. */
@ExtendWith(InfrastructureExtension.class)
class EndpointDisablingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Testbed bed;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        bed = Testbed.start(
                infrastructure,
                Map.of(
                        "wagate.webhooks.retry-schedule",
                        String.join(",", Collections.nCopies(100, "200ms")),
                        "wagate.webhooks.disable-after",
                        "2s"));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void anEndpointFailingThroughoutTheWindowIsDisabledAndTheOtherEndpointsAreToldSigned() throws Exception {
        // Given an endpoint that always fails, and a healthy one of the same organization
        Organization organization = newOrganization();
        String failingId = register(organization, "always-down").get("id").toString();
        bed.receiver().answerAlways("always-down", 500);
        Map<String, Object> healthy = register(organization, "healthy");

        // When an event is emitted and retried for longer than the window
        String eventId = emit(organization);

        // Then the failing endpoint is disabled for failing, and its pending delivery failed
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.service()
                        .get("/v1/webhooks/" + failingId, organization.apiKey())
                        .json())
                .containsEntry("enabled", false)
                .containsEntry("disabled_reason", "failing"));
        assertThat(bed.database().deliveryOf(eventId, failingId))
                .containsEntry("status", "failed")
                .containsEntry("last_error", "endpoint_disabled");
        List<Received> attempts = bed.receiver().receivedBy("always-down");
        assertThat(Duration.between(
                        attempts.getFirst().receivedAt(), attempts.getLast().receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1800));

        // And the healthy endpoint receives the signed notice, naming the endpoint, its URL and why
        Received notice = await().atMost(PATIENCE)
                .until(
                        () -> bed.receiver().receivedBy("healthy").stream()
                                .filter(received -> received.body().contains("webhook.endpoint.disabled"))
                                .toList(),
                        list -> !list.isEmpty())
                .getFirst();
        new Webhook((String) healthy.get("secret")).verify(notice.body(), notice.headers());
        assertThat(notice.body())
                .contains("\"endpoint_id\":\"" + failingId + "\"")
                .contains("\"url\":\"" + bed.receiver().hook("always-down") + "\"")
                .contains("\"reason\":\"failing\"")
                .contains("\"session_id\":null");

        // And the disabled endpoint never receives its own notice
        assertThat(bed.receiver().receivedBy("always-down"))
                .noneSatisfy(received -> assertThat(received.body()).contains("webhook.endpoint.disabled"));
    }

    @Test
    void aSuccessEndsTheRunOfFailuresSoTheEndpointStaysEnabled() {
        // Given an endpoint that fails for about a second and a half, then recovers
        Organization organization = newOrganization();
        String endpointId = register(organization, "recovers").get("id").toString();
        bed.receiver().answerNext("recovers", 500, 500, 500, 500, 500, 500, 500);

        // When an event is delivered after those failures, and another event fails once 1 s later
        String eventId = emit(organization);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.database().deliveryOf(eventId, endpointId))
                .containsEntry("status", "delivered"));
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        bed.receiver().answerNext("recovers", 500);
        String later = emit(organization);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.database().deliveryOf(later, endpointId))
                .containsEntry("status", "delivered"));

        // Then the endpoint was never disabled, and no run of failures is open
        assertThat(bed.service()
                        .get("/v1/webhooks/" + endpointId, organization.apiKey())
                        .json())
                .containsEntry("enabled", true);
        assertThat(bed.database()
                        .rows("SELECT failing_since FROM endpoints WHERE id = ?", endpointId)
                        .getFirst())
                .containsEntry("failing_since", null);
    }

    private static Organization newOrganization() {
        return bed.newOrganization();
    }

    private static Map<String, Object> register(Organization organization, String hook) {
        RunningWebhookService.Response created = bed.service()
                .post(
                        "/v1/webhooks",
                        organization.apiKey(),
                        Map.of("url", bed.receiver().hook(hook)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String emit(Organization organization) {
        String eventId = EventProducer.newEventId();
        bed.events().send(EventProducer.messageEvent(organization.id(), eventId, MessageStatus.SENT));
        return eventId;
    }
}
