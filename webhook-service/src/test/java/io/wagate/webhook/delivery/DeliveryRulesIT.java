package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import io.wagate.webhook.testing.EventProducer;
import io.wagate.webhook.testing.Organization;
import io.wagate.webhook.testing.RunningWebhookService;
import io.wagate.webhook.testing.Testbed;
import io.wagate.webhook.testing.WebhookReceiver.Received;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** How each kind of answer (or silence) from an endpoint is treated, and what an endpoint's settings do. */
@ExtendWith(InfrastructureExtension.class)
class DeliveryRulesIT {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Testbed bed;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        // The longest delay, 3 s, is what a Retry-After is capped to.
        bed = Testbed.start(
                infrastructure,
                Map.of(
                        "wagate.webhooks.timeout", "1s",
                        "wagate.webhooks.lease", "4s",
                        "wagate.webhooks.retry-schedule", "100ms,100ms,100ms,3s",
                        "wagate.webhooks.secret-rotation-overlap", "2s"));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void anEndpointThatHangsPastTheTimeoutIsAFailedAttemptAndIsTriedAgain() {
        // Given an endpoint that answers only after 3 s, beyond the 1 s timeout
        Organization organization = newOrganization();
        String endpointId = register(organization, "hangs", Map.of());
        bed.receiver().answerAfter("hangs", Duration.ofSeconds(3));

        // When an event is emitted, and the endpoint is quick again after the first attempt
        String eventId = emit(organization);
        await().atMost(PATIENCE).until(() -> !attemptsOf(eventId, endpointId).isEmpty());
        bed.receiver().answerAfter("hangs", Duration.ZERO);

        // Then the first attempt is a timeout, cut at about a second, and a later one delivers it
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.database().deliveryOf(eventId, endpointId))
                .containsEntry("status", "delivered"));
        Map<String, Object> first = attemptsOf(eventId, endpointId).getFirst();
        assertThat(first).containsEntry("error", "timeout").containsEntry("status_code", null);
        assertThat((Integer) first.get("latency_ms")).isBetween(900, 2500);
    }

    @Test
    void aRedirectIsNotFollowedEvenToAnAllowedAddressAndCountsAsAFailure() {
        // Given an endpoint that redirects to another hook on loopback
        Organization organization = newOrganization();
        String endpointId = register(organization, "redirects", Map.of());
        bed.receiver().answerAlways("redirects", 302);
        bed.receiver()
                .answerWithHeaders(
                        "redirects", Map.of("Location", bed.receiver().hook("redirect-target")));

        // When an event is emitted
        String eventId = emit(organization);

        // Then every attempt is a recorded 302, the target never hears of it, and the delivery fails
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.database().deliveryOf(eventId, endpointId))
                .containsEntry("status", "failed")
                .containsEntry("last_status_code", 302));
        assertThat(attemptsOf(eventId, endpointId)).hasSize(5).allSatisfy(attempt -> assertThat(attempt)
                .containsEntry("status_code", 302));
        assertThat(bed.receiver().receivedBy("redirect-target")).isEmpty();
    }

    @Test
    void tooManyRequestsWithRetryAfterIsTriedAgainWhenTheEndpointAsks() {
        // Given an endpoint that answers 429 Retry-After: 2 once
        Organization organization = newOrganization();
        String endpointId = register(organization, "busy", Map.of());
        bed.receiver().answerNext("busy", 429);
        bed.receiver().answerWithHeaders("busy", Map.of("Retry-After", "2"));

        // When an event is emitted
        String eventId = emit(organization);

        // Then the second attempt comes about 2 s after the first, not after the schedule's 100 ms
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.database().deliveryOf(eventId, endpointId))
                .containsEntry("status", "delivered"));
        List<Received> attempts = bed.receiver().receivedBy("busy");
        assertThat(attempts).extracting(Received::answeredStatus).containsExactly(429, 200);
        assertThat(Duration.between(
                        attempts.get(0).receivedAt(), attempts.get(1).receivedAt()))
                .isBetween(Duration.ofMillis(1800), Duration.ofMillis(4000));
    }

    @Test
    void unavailableWithAFarRetryAfterIsTriedAgainAfterTheSchedulesLongestDelayAtMost() {
        // Given an endpoint that answers 503 Retry-After: one hour, once
        Organization organization = newOrganization();
        String endpointId = register(organization, "maintenance", Map.of());
        bed.receiver().answerNext("maintenance", 503);
        bed.receiver().answerWithHeaders("maintenance", Map.of("Retry-After", "3600"));

        // When an event is emitted
        String eventId = emit(organization);

        // Then it is tried again after the schedule's longest delay (3 s), not after an hour
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.database().deliveryOf(eventId, endpointId))
                .containsEntry("status", "delivered"));
        List<Received> attempts = bed.receiver().receivedBy("maintenance");
        assertThat(Duration.between(
                        attempts.get(0).receivedAt(), attempts.get(1).receivedAt()))
                .isBetween(Duration.ofMillis(2800), Duration.ofMillis(6000));
    }

    @Test
    void anEndpointAnsweringGoneIsDisabledAndTheOrganizationsOtherEndpointsAreTold() throws Exception {
        // Given an endpoint that answers 410 Gone, and another one of the same organization
        Organization organization = newOrganization();
        String goneId = register(organization, "gone", Map.of());
        bed.receiver().answerAlways("gone", 410);
        Map<String, Object> watcher = registered(organization, "watcher", Map.of("events", List.of()));

        // When an event is emitted
        String eventId = emit(organization);

        // Then the endpoint is disabled for being gone, its delivery failed after that one attempt
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.service()
                        .get("/v1/webhooks/" + goneId, organization.apiKey())
                        .json())
                .containsEntry("enabled", false)
                .containsEntry("disabled_reason", "gone"));
        assertThat(bed.database().deliveryOf(eventId, goneId)).containsEntry("status", "failed");
        assertThat(bed.receiver().receivedBy("gone")).hasSize(1);

        // And the other endpoint receives a signed webhook.endpoint.disabled event saying so
        Received notice = await().atMost(PATIENCE)
                .until(
                        () -> ofType(bed.receiver().receivedBy("watcher"), "webhook.endpoint.disabled"),
                        list -> !list.isEmpty())
                .getFirst();
        new Webhook((String) watcher.get("secret")).verify(notice.body(), notice.headers());
        Map<String, Object> body = JSON.readValue(notice.body(), Argument.mapOf(String.class, Object.class));
        assertThat(body)
                .containsEntry("type", "webhook.endpoint.disabled")
                .containsEntry("session_id", null)
                .containsEntry("id", notice.header("webhook-id"))
                .containsKey("created_at");
        assertThat((String) body.get("id")).startsWith("evt_");
        assertThat(body.get("data"))
                .isEqualTo(Map.of("endpoint_id", goneId, "url", bed.receiver().hook("gone"), "reason", "gone"));

        // And later events no longer go to the disabled endpoint
        String later = emit(organization);
        await().atMost(PATIENCE).until(() -> bed.receiver().receivedBy("watcher").stream()
                .anyMatch(received -> later.equals(received.header("webhook-id"))));
        assertThat(bed.database().deliveryOf(later, goneId)).isNull();
    }

    @Test
    void afterASecretRotationDeliveriesVerifyWithEitherSecretUntilTheOverlapEnds() throws Exception {
        // Given an endpoint whose secret is rotated (the old one signs for 2 s more here)
        Organization organization = newOrganization();
        Map<String, Object> endpoint = registered(organization, "rotated", Map.of());
        String oldSecret = (String) endpoint.get("secret");
        String newSecret = (String) bed.service()
                .post("/v1/webhooks/" + endpoint.get("id") + "/secret/rotate", organization.apiKey(), Map.of())
                .json()
                .get("secret");

        // When an event is emitted right away
        String during = emit(organization);

        // Then it carries both signatures, and each secret verifies it with the reference library
        Received duringOverlap = receivedEvent("rotated", during);
        assertThat(duringOverlap.header("webhook-signature").split(" ")).hasSize(2);
        new Webhook(newSecret).verify(duringOverlap.body(), duringOverlap.headers());
        new Webhook(oldSecret).verify(duringOverlap.body(), duringOverlap.headers());

        // When an event is emitted once the overlap is over
        await().pollDelay(Duration.ofMillis(2100)).until(() -> true);
        String after = emit(organization);

        // Then only the new secret signs it
        Received afterOverlap = receivedEvent("rotated", after);
        assertThat(afterOverlap.header("webhook-signature").split(" ")).hasSize(1);
        new Webhook(newSecret).verify(afterOverlap.body(), afterOverlap.headers());
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> new Webhook(oldSecret).verify(afterOverlap.body(), afterOverlap.headers()))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void anEndpointWithASessionFilterReceivesOnlyThoseSessionsEvents() {
        // Given an endpoint that wants one session's events
        Organization organization = newOrganization();
        register(organization, "one-session", Map.of("session_ids", List.of("sess_wanted")));

        // When events of that session and of another are emitted
        String unwanted = EventProducer.newEventId();
        String wanted = EventProducer.newEventId();
        bed.events().send(EventProducer.messageEvent(organization.id(), unwanted, MessageStatus.SENT, "sess_other"));
        bed.events().send(EventProducer.messageEvent(organization.id(), wanted, MessageStatus.SENT, "sess_wanted"));

        // Then only the wanted session's event arrives
        receivedEvent("one-session", wanted);
        assertThat(bed.receiver().receivedBy("one-session"))
                .extracting(received -> received.header("webhook-id"))
                .containsExactly(wanted);
    }

    @Test
    void aDisabledEndpointReceivesNothing() {
        // Given an endpoint disabled by its owner, and an enabled one
        Organization organization = newOrganization();
        String disabledId = register(organization, "switched-off", Map.of("enabled", false));
        register(organization, "switched-on", Map.of());

        // When an event is emitted
        String eventId = emit(organization);

        // Then only the enabled one receives it
        receivedEvent("switched-on", eventId);
        assertThat(bed.receiver().receivedBy("switched-off")).isEmpty();
        assertThat(bed.database().deliveryOf(eventId, disabledId)).isNull();
    }

    @Test
    void aRateLimitedEndpointIsPacedAndGetsEveryEvent() {
        // Given an endpoint limited to 5 deliveries a second
        Organization organization = newOrganization();
        register(organization, "paced", Map.of("rate_limit", 5));

        // When ten events are emitted at once
        for (int i = 0; i < 10; i++) {
            emit(organization);
        }

        // Then all ten arrive, spread over at least 1.6 s (nine gaps of 200 ms, less some slack)
        await().atMost(PATIENCE).until(() -> bed.receiver().receivedBy("paced").size() == 10);
        List<Received> received = bed.receiver().receivedBy("paced");
        assertThat(Duration.between(
                        received.getFirst().receivedAt(), received.getLast().receivedAt()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(1600));
    }

    private static Organization newOrganization() {
        return bed.newOrganization();
    }

    private static String register(Organization organization, String hook, Map<String, Object> settings) {
        return (String) registered(organization, hook, settings).get("id");
    }

    private static Map<String, Object> registered(
            Organization organization, String hook, Map<String, Object> settings) {
        Map<String, Object> request = new HashMap<>(settings);
        request.put("url", bed.receiver().hook(hook));
        RunningWebhookService.Response created = bed.service().post("/v1/webhooks", organization.apiKey(), request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String emit(Organization organization) {
        String eventId = EventProducer.newEventId();
        bed.events().send(EventProducer.messageEvent(organization.id(), eventId, MessageStatus.DELIVERED));
        return eventId;
    }

    private static Received receivedEvent(String hook, String eventId) {
        return await().atMost(PATIENCE)
                .until(
                        () -> bed.receiver().receivedBy(hook).stream()
                                .filter(received -> eventId.equals(received.header("webhook-id")))
                                .toList(),
                        list -> !list.isEmpty())
                .getFirst();
    }

    private static List<Received> ofType(List<Received> received, String type) {
        return received.stream()
                .filter(request -> request.body().contains("\"type\":\"" + type + "\""))
                .toList();
    }

    private static List<Map<String, Object>> attemptsOf(String eventId, String endpointId) {
        return bed.database()
                .rows(
                        "SELECT * FROM delivery_attempts WHERE event_id = ? AND endpoint_id = ? ORDER BY id",
                        eventId,
                        endpointId);
    }
}
