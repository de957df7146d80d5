package io.wagate.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * README's walkthrough, driven from outside over HTTP against the gateway as devstack runs it:
 * every service its own process, real Kafka, PostgreSQL and Redis, the WhatsApp simulator.
 */
@ExtendWith(InfrastructureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class WalkthroughE2EIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private DevStack stack;
    private GatewayClient gateway;
    private RecordingReceiver receiver;
    private String sessionId;
    private String webhookSecret;

    @BeforeAll
    void startTheGateway(Infrastructure infra) {
        receiver = RecordingReceiver.start();
        var settings = TestStacks.settings(
                Infrastructure.uniqueTopicPrefix(),
                Map.of(
                        Service.SESSION, Map.of("wagate.simulator.scan-delay", "1s"),
                        Service.WEBHOOK, Map.of("wagate.webhooks.retry-schedule", "0s,1s,1s,1s,1s,1s,1s,1s,1s,1s")));
        stack = DevStack.start(settings, infra, infra.postgres().newDatabase(), System.out);
        gateway = new GatewayClient(stack.baseUrl(), stack.adminKey());
    }

    @AfterAll
    void stopTheGateway() {
        if (stack != null) {
            stack.close();
        }
        receiver.close();
    }

    @Test
    @Order(1)
    void aSessionPairsAndItsProgressArrivesAsSignedWebhooks() throws Exception {
        JsonNode webhook = call("POST", "/v1/webhooks", Map.of("url", receiver.url()), 201);
        webhookSecret = webhook.get("secret").asText();
        assertThat(webhookSecret).startsWith("whsec_");

        JsonNode session = call("POST", "/v1/sessions", Map.of("name", "support line"), 201);
        sessionId = session.get("id").asText();
        assertThat(sessionId).startsWith("sess_");

        await().atMost(PATIENCE).until(() -> call("GET", "/v1/sessions/" + sessionId, null, 200)
                .get("status")
                .asText()
                .equals("connected"));
        await().atMost(PATIENCE).until(() -> typesReceived().containsAll(Set.of("session.qr", "session.status")));
        assertThat(statusesReceived()).contains("qr", "connected");
    }

    @Test
    @Order(2)
    void aTextIsSentDeliveredAndReadWithEveryWebhookSignedAndCorrelatedInOneTrace() throws Exception {
        // a send, made in the caller's trace, answers once WhatsApp acknowledged it
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        JsonNode accepted = gateway.call(
                "POST",
                "/v1/sessions/" + sessionId + "/messages",
                Map.of("to", "5511999999999", "type", "text", "text", "hi", "client_ref", "order-42"),
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"),
                200);
        String messageId = accepted.get("id").asText();
        assertThat(accepted.get("status").asText()).isEqualTo("sent");
        assertThat(accepted.get("wa_message_id").asText()).isNotBlank();
        assertThat(accepted.get("client_ref").asText()).isEqualTo("order-42");

        await().atMost(PATIENCE).until(() -> receiver.typesFor(messageId)
                .containsAll(List.of("message.sent", "message.delivered", "message.read")));

        for (var delivery : receiver.accepted()) {
            new Webhook(webhookSecret).verify(delivery.body(), delivery.headers());
            JsonNode event = RecordingReceiver.parse(delivery.body());
            assertThat(delivery.headers().firstValue("webhook-id"))
                    .hasValue(event.get("id").asText());
        }
        JsonNode sent = receiver.eventsFor(messageId).stream()
                .filter(e -> e.get("type").asText().equals("message.sent"))
                .findFirst()
                .orElseThrow();
        assertThat(sent.get("session_id").asText()).isEqualTo(sessionId);
        assertThat(sent.at("/data/client_ref").asText()).isEqualTo("order-42");
        assertThat(sent.at("/data/wa_message_id").asText()).isNotBlank();

        // and every webhook of the message continues the caller's trace, through every service
        List<String> traceIds = receiver.accepted().stream()
                .filter(d -> messageId.equals(
                        RecordingReceiver.parse(d.body()).at("/data/message_id").asText()))
                .map(d -> d.headers()
                        .firstValue("traceparent")
                        .orElse("00-none-none-00")
                        .split("-")[1])
                .toList();
        assertThat(traceIds).hasSizeGreaterThanOrEqualTo(3).containsOnly(traceId);
    }

    @Test
    @Order(3)
    void aWebhookPendingWhenWebhookServiceIsKilledIsDeliveredAfterItRestarts() throws Exception {
        receiver.failing(true);
        String messageId = call(
                        "POST",
                        "/v1/sessions/" + sessionId + "/messages?async=true",
                        Map.of("to", "5511988887777", "type", "text", "text", "still there?"),
                        202)
                .get("message_id")
                .asText();
        await().atMost(PATIENCE).until(() -> refusedEventIds(messageId).size() >= 1);

        stack.kill(Service.WEBHOOK);
        Set<String> refusedBeforeTheKill = refusedEventIds(messageId);
        receiver.failing(false);
        stack.start(Service.WEBHOOK);

        await().atMost(PATIENCE).until(() -> receiver.typesFor(messageId)
                .containsAll(List.of("message.sent", "message.delivered", "message.read")));
        Set<String> acceptedIds = receiver.accepted().stream()
                .map(d -> d.headers().firstValue("webhook-id").orElseThrow())
                .collect(Collectors.toSet());
        assertThat(acceptedIds).containsAll(refusedBeforeTheKill);
        for (var delivery : receiver.accepted()) {
            new Webhook(webhookSecret).verify(delivery.body(), delivery.headers());
        }
    }

    private JsonNode call(String method, String path, Object body, int expectedStatus) {
        return gateway.call(method, path, body, expectedStatus);
    }

    private Set<String> typesReceived() {
        return receiver.events().stream().map(e -> e.get("type").asText()).collect(Collectors.toSet());
    }

    private Set<String> statusesReceived() {
        return receiver.events().stream()
                .filter(e -> e.get("type").asText().equals("session.status"))
                .map(e -> e.at("/data/status").asText())
                .collect(Collectors.toSet());
    }

    private Set<String> refusedEventIds(String messageId) {
        return receiver.deliveries().stream()
                .filter(d -> d.answeredWith() >= 300)
                .filter(d -> messageId.equals(
                        RecordingReceiver.parse(d.body()).at("/data/message_id").asText()))
                .map(d -> d.headers().firstValue("webhook-id").orElseThrow())
                .collect(Collectors.toSet());
    }
}
