package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import io.wagate.webhook.testing.EventProducer;
import io.wagate.webhook.testing.Organization;
import io.wagate.webhook.testing.RunningWebhookService;
import io.wagate.webhook.testing.Testbed;
import io.wagate.webhook.testing.WebhookReceiver.Received;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(InfrastructureExtension.class)
class WebhookDeliveryIT {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static Testbed bed;

    @BeforeAll
    static void start(Infrastructure infrastructure) {
        bed = Testbed.start(infrastructure, Map.of("wagate.webhooks.retry-schedule", "0s,100ms,100ms"));
    }

    @AfterAll
    static void stop() {
        bed.close();
    }

    @Test
    void anEventReachesTheEndpointSignedAsStandardWebhooksSays() throws Exception {
        // Given an endpoint of an organization
        Organization organization = newOrganization();
        Map<String, Object> endpoint = register(organization, "signed", List.of());

        // When session-service emits an event of that organization
        String eventId = EventProducer.newEventId();
        bed.events().send(EventProducer.messageEvent(organization.id(), eventId, MessageStatus.SENT));

        // Then the endpoint receives it, verifiably signed with its secret
        Received webhook = await().atMost(PATIENCE)
                .until(() -> bed.receiver().receivedBy("signed"), list -> !list.isEmpty())
                .getFirst();
        new Webhook((String) endpoint.get("secret")).verify(webhook.body(), webhook.headers());
        assertThat(webhook.header("webhook-id")).isEqualTo(eventId);
        assertThat(webhook.header("content-type")).isEqualTo("application/json");
        assertThat(webhook.header("user-agent")).isEqualTo("wagate-webhooks/0.1");
        Map<String, Object> body = JSON.readValue(
                webhook.body().getBytes(StandardCharsets.UTF_8), Argument.mapOf(String.class, Object.class));
        assertThat(body)
                .containsEntry("id", eventId)
                .containsEntry("type", "message.sent")
                .containsEntry("session_id", "sess_" + organization.id())
                .containsKeys("created_at", "data");
        assertThat(body.get("data"))
                .asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("to", "5511988887777@s.whatsapp.net")
                .containsEntry("status", "sent")
                .containsEntry("error", null);
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(bed.database().deliveryOf(eventId, (String) endpoint.get("id")))
                        .containsEntry("status", "delivered")
                        .containsEntry("attempts", 1)
                        .containsEntry("last_status_code", 200));
    }

    @Test
    void anEndpointReceivesOnlyTheEventTypesItAskedForAndOnlyItsOrganizations() {
        // Given an endpoint of organization A for session.status only
        Organization a = newOrganization();
        Organization b = newOrganization();
        String endpointId =
                (String) register(a, "filtered", List.of("session.status")).get("id");

        // When a message event of A, a session event of B, then a session event of A are emitted
        String message = EventProducer.newEventId();
        String otherOrganizations = EventProducer.newEventId();
        String status = EventProducer.newEventId();
        bed.events().send(EventProducer.messageEvent(a.id(), message, MessageStatus.DELIVERED));
        bed.events().send(EventProducer.sessionStatusEvent(b.id(), otherOrganizations, SessionStatus.CONNECTED));
        bed.events().send(EventProducer.sessionStatusEvent(a.id(), status, SessionStatus.CONNECTED));

        // Then only A's session event arrives, and no delivery was ever made of the others
        await().atMost(PATIENCE).until(() -> bed.receiver().receivedBy("filtered"), list -> !list.isEmpty());
        await().atMost(PATIENCE).until(() -> eventStored(otherOrganizations) && eventStored(message));
        assertThat(bed.receiver().receivedBy("filtered"))
                .extracting(received -> received.header("webhook-id"))
                .containsExactly(status);
        assertThat(bed.database().deliveryOf(message, endpointId)).isNull();
        assertThat(bed.database().deliveryOf(otherOrganizations, endpointId)).isNull();
    }

    @Test
    void aFailingEndpointIsRetriedWithTheSameWebhookIdUntilItAnswers2xx() {
        // Given an endpoint that fails twice, then answers 200
        Organization organization = newOrganization();
        String endpointId = (String) register(organization, "flaky", List.of()).get("id");
        bed.receiver().answerNext("flaky", 500, 503);

        // When an event is emitted
        String eventId = EventProducer.newEventId();
        bed.events().send(EventProducer.messageEvent(organization.id(), eventId, MessageStatus.READ));

        // Then it is delivered on the third attempt, every attempt with the same webhook-id, each recorded
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.database().deliveryOf(eventId, endpointId))
                .containsEntry("status", "delivered")
                .containsEntry("attempts", 3));
        assertThat(bed.receiver().receivedBy("flaky"))
                .extracting(Received::answeredStatus, received -> received.header("webhook-id"))
                .containsExactly(tuple(500, eventId), tuple(503, eventId), tuple(200, eventId));
        assertThat(attemptsOf(eventId, endpointId))
                .extracting(attempt -> attempt.get("status_code"))
                .containsExactly(500, 503, 200);
        assertThat(attemptsOf(eventId, endpointId))
                .extracting(attempt -> attempt.get("response_body"))
                .containsExactly("not now", "not now", "ok");
        // and the attempts show in the metrics by outcome
        String metrics = bed.service().get("/prometheus", null).body();
        assertThat(metrics)
                .contains("wagate_webhook_attempts_total{outcome=\"retry\",service=\"webhook-service\"}")
                .contains("wagate_webhook_attempts_total{outcome=\"delivered\",service=\"webhook-service\"}")
                .contains("wagate_webhook_attempt_latency_seconds_count");
    }

    @Test
    void aDeliveryFailsForGoodOnceTheRetryScheduleIsUsedUp() {
        // Given an endpoint that always fails, and a schedule of three retries
        Organization organization = newOrganization();
        String endpointId = (String) register(organization, "down", List.of()).get("id");
        bed.receiver().answerAlways("down", 500);

        // When an event is emitted
        String eventId = EventProducer.newEventId();
        bed.events().send(EventProducer.messageEvent(organization.id(), eventId, MessageStatus.FAILED));

        // Then it is attempted four times, then marked failed
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(bed.database().deliveryOf(eventId, endpointId))
                .containsEntry("status", "failed")
                .containsEntry("attempts", 4)
                .containsEntry("last_status_code", 500));
        assertThat(bed.receiver().receivedBy("down")).hasSize(4);
        assertThat(attemptsOf(eventId, endpointId)).hasSize(4);
    }

    @Test
    void aRecordThatIsNotAnEventIsSkippedAndLaterEventsStillArrive() {
        // Given an endpoint
        Organization organization = newOrganization();
        register(organization, "after-garbage", List.of());

        // When garbage, then a real event, are put on the topic for the same session
        bed.events().sendRaw("sess_" + organization.id(), "definitely not avro".getBytes(StandardCharsets.UTF_8));
        Event event = EventProducer.messageEvent(organization.id(), EventProducer.newEventId(), MessageStatus.PLAYED);
        bed.events().send(event);

        // Then the real event is delivered
        await().atMost(PATIENCE).until(() -> bed.receiver().receivedBy("after-garbage"), list -> list.stream()
                .anyMatch(received -> event.getEventId().equals(received.header("webhook-id"))));
    }

    /** Each test its own organization, so no test's endpoints receive another test's bed.events(). */
    @Test
    void aWebhookContinuesTheTraceItsEventCameWith() {
        // Given an endpoint, and an event produced while a send's trace was current
        Organization organization = newOrganization();
        register(organization, "traced", List.of());
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String producerSpan = "00f067aa0ba902b7";

        // When it is delivered
        bed.events()
                .sendTraced(
                        EventProducer.messageEvent(organization.id(), EventProducer.newEventId(), MessageStatus.SENT),
                        "00-" + traceId + "-" + producerSpan + "-01");

        // Then the subscriber receives the same trace, with the delivery's own span as the parent
        Received webhook = await().atMost(PATIENCE)
                .until(() -> bed.receiver().receivedBy("traced"), list -> !list.isEmpty())
                .getFirst();
        assertThat(webhook.header("traceparent"))
                .matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(producerSpan);
    }

    private static Organization newOrganization() {
        return bed.newOrganization();
    }

    private static Map<String, Object> register(Organization organization, String hook, List<String> types) {
        RunningWebhookService.Response created = bed.service()
                .post(
                        "/v1/webhooks",
                        organization.apiKey(),
                        Map.of("url", bed.receiver().hook(hook), "events", types));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static boolean eventStored(String eventId) {
        return !bed.database()
                .rows("SELECT id FROM events WHERE id = ?", eventId)
                .isEmpty();
    }

    private static List<Map<String, Object>> attemptsOf(String eventId, String endpointId) {
        return bed.database()
                .rows(
                        "SELECT a.* FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id"
                                + " WHERE d.event_id = ? AND d.endpoint_id = ? ORDER BY a.attempted_at, a.id",
                        eventId,
                        endpointId);
    }
}
