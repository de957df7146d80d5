package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.schemas.v1.MessageStatus;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import io.wagate.webhook.testing.ApiServiceContractStub;
import io.wagate.webhook.testing.EventProducer;
import io.wagate.webhook.testing.RunningWebhookService;
import io.wagate.webhook.testing.WebhookDatabase;
import io.wagate.webhook.testing.WebhookReceiver;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deliveries live in PostgreSQL, not in a service's memory: a restart or a deletion is honoured. */
@ExtendWith(InfrastructureExtension.class)
class WebhookRestartIT {

    private static final String ORG_KEY = "wag_org_r_key";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private WebhookReceiver receiver;
    private Map<String, Object> properties;
    private WebhookDatabase database;
    private EventProducer events;
    private RunningWebhookService service;

    @BeforeEach
    void start(Infrastructure infrastructure) {
        receiver = WebhookReceiver.start();
        ApiServiceContractStub.servedBy(receiver).knows(ORG_KEY, "org_r");
        String jdbcUrl = infrastructure.postgres().newDatabase();
        String topicPrefix = Infrastructure.uniqueTopicPrefix();
        properties = RunningWebhookService.properties(infrastructure, jdbcUrl, topicPrefix, receiver.baseUrl());
        properties.put("wagate.webhooks.allowed-hosts", "127.0.0.1");
        properties.put("wagate.webhooks.retry-schedule", String.join(",", Collections.nCopies(50, "300ms")));
        database = new WebhookDatabase(jdbcUrl, infrastructure.postgres());
        events = new EventProducer(infrastructure.kafkaBootstrapServers(), topicPrefix);
        service = RunningWebhookService.start(properties);
    }

    @AfterEach
    void stop() {
        events.close();
        service.close();
        receiver.close();
    }

    @Test
    void aDeliveryPendingWhenTheServiceStopsIsDeliveredOnceByTheNextOne() {
        // Given an endpoint that keeps failing, and an event it has been attempted for
        String endpointId = register("restart");
        receiver.answerAlways("restart", 500);
        String eventId = EventProducer.newEventId();
        events.send(EventProducer.messageEvent("org_r", eventId, MessageStatus.SENT));
        await().atMost(PATIENCE).until(() -> receiver.receivedBy("restart"), list -> !list.isEmpty());

        // When the service stops while the delivery is pending, the endpoint recovers,
        // and a new service starts on the same database and topics
        service.close();
        assertThat(database.deliveryOf(eventId, endpointId)).containsEntry("status", "pending");
        receiver.answerAlways("restart", 200);
        service = RunningWebhookService.start(properties);

        // Then the event is delivered, under the same webhook-id, and stored once
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(database.deliveryOf(eventId, endpointId))
                .containsEntry("status", "delivered"));
        assertThat(receiver.receivedBy("restart")).allSatisfy(received -> assertThat(received.header("webhook-id"))
                .isEqualTo(eventId));
        assertThat(receiver.receivedBy("restart").getLast().answeredStatus()).isEqualTo(200);
        assertThat(database.rows("SELECT id FROM events WHERE id = ?", eventId)).hasSize(1);
        assertThat(database.rows("SELECT id FROM deliveries WHERE event_id = ?", eventId))
                .hasSize(1);
        int attempts = (Integer) database.deliveryOf(eventId, endpointId).get("attempts");
        assertThat(database.rows(
                        "SELECT a.id FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id"
                                + " WHERE d.event_id = ?",
                        eventId))
                .hasSize(attempts);
    }

    @Test
    void deletingAnEndpointCancelsWhatItStillHadToReceive() {
        // Given an endpoint that keeps failing, with a delivery pending
        String endpointId = register("deleted");
        receiver.answerAlways("deleted", 500);
        String eventId = EventProducer.newEventId();
        events.send(EventProducer.messageEvent("org_r", eventId, MessageStatus.SENT));
        await().atMost(PATIENCE).until(() -> receiver.receivedBy("deleted"), list -> !list.isEmpty());

        // When the endpoint is deleted
        assertThat(service.delete("/v1/webhooks/" + endpointId, ORG_KEY).status())
                .isEqualTo(204);

        // Then its delivery is cancelled and no more attempts arrive
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(database.deliveryOf(eventId, endpointId))
                .containsEntry("status", "cancelled"));
        int attemptsSoFar = receiver.receivedBy("deleted").size();
        await().during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(2))
                .until(() -> receiver.receivedBy("deleted").size() == attemptsSoFar);
    }

    @Test
    void anAttemptCutShortByAStopIsHandedBackAndMadeByTheNextServiceAtOnce() {
        // Given leases far longer than this test, and an endpoint that answers only after a long while
        service.close();
        properties.put("wagate.webhooks.timeout", "60s");
        properties.put("wagate.webhooks.lease", "120s");
        service = RunningWebhookService.start(properties);
        String endpointId = register("slow");
        receiver.answerAfter("slow", Duration.ofSeconds(30));
        String eventId = EventProducer.newEventId();
        events.send(EventProducer.messageEvent("org_r", eventId, MessageStatus.SENT));
        await().atMost(PATIENCE).until(() -> receiver.receivedBy("slow"), list -> !list.isEmpty());

        // When the service stops during the attempt and a new one starts once the endpoint is fast again
        service.close();
        receiver.answerAfter("slow", Duration.ZERO);
        service = RunningWebhookService.start(properties);

        // Then the new service delivers it well before the old lease would have run out
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(database.deliveryOf(eventId, endpointId))
                .containsEntry("status", "delivered"));
        assertThat(receiver.receivedBy("slow")).hasSize(2).allSatisfy(received -> assertThat(
                        received.header("webhook-id"))
                .isEqualTo(eventId));
    }

    @Test
    void anEndpointTheUrlGuardNoLongerAllowsIsNotConnectedToAndTheAttemptSaysWhy() {
        // Given an endpoint registered while its address was allowed
        String endpointId = register("no-longer-allowed");

        // When the service restarts without that allowance and an event arrives
        service.close();
        properties.put("wagate.webhooks.allowed-hosts", "");
        service = RunningWebhookService.start(properties);
        String eventId = EventProducer.newEventId();
        events.send(EventProducer.messageEvent("org_r", eventId, MessageStatus.SENT));

        // Then attempts are recorded as url_not_allowed, and the endpoint never hears a thing
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(database.rows(
                        "SELECT a.status_code, a.error FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id"
                                + " WHERE d.event_id = ? AND d.endpoint_id = ?",
                        eventId,
                        endpointId))
                .isNotEmpty()
                .allSatisfy(attempt -> assertThat(attempt)
                        .containsEntry("status_code", null)
                        .containsEntry("error", "url_not_allowed")));
        assertThat(receiver.receivedBy("no-longer-allowed")).isEmpty();
    }

    private String register(String hook) {
        RunningWebhookService.Response created =
                service.post("/v1/webhooks", ORG_KEY, Map.of("url", receiver.hook(hook), "events", List.of()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return (String) created.json().get("id");
    }
}
