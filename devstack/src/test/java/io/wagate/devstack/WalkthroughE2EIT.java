package io.wagate.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newHttpClient();
    private DevStack stack;
    private RecordingReceiver receiver;
    private String sessionId;
    private String webhookSecret;

    @BeforeAll
    void startTheGateway(Infrastructure infra) {
        receiver = RecordingReceiver.start();
        var settings = new DevStack.Settings(
                Path.of(System.getProperty("wagate.home", "..")).toAbsolutePath(),
                "127.0.0.1",
                0,
                0,
                DevStack.newAdminKey(),
                DevStack.newAuthStateKey(),
                Infrastructure.uniqueTopicPrefix(),
                Map.of(
                        Service.SESSION, Map.of("wagate.simulator.scan-delay", "1s"),
                        Service.WEBHOOK, Map.of("wagate.webhooks.retry-schedule", "0s,1s,1s,1s,1s,1s,1s,1s,1s,1s")));
        stack = DevStack.start(settings, infra, infra.postgres().newDatabase(), System.out);
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
    void aTextIsSentDeliveredAndReadWithEveryWebhookSignedAndCorrelated() throws Exception {
        // a send answers once WhatsApp acknowledged it
        JsonNode accepted = call(
                "POST",
                "/v1/sessions/" + sessionId + "/messages",
                Map.of("to", "5511999999999", "type", "text", "text", "hi", "client_ref", "order-42"),
                200);
        String messageId = accepted.get("id").asText();
        assertThat(accepted.get("status").asText()).isEqualTo("sent");
        assertThat(accepted.get("wa_message_id").asText()).isNotBlank();
        assertThat(accepted.get("client_ref").asText()).isEqualTo("order-42");

        await().atMost(PATIENCE).until(() -> messageTypesReceived(messageId)
                .containsAll(List.of("message.sent", "message.delivered", "message.read")));

        for (var delivery : receiver.accepted()) {
            new Webhook(webhookSecret).verify(delivery.body(), delivery.headers());
            JsonNode event = JSON.readTree(delivery.body());
            assertThat(delivery.headers().firstValue("webhook-id"))
                    .hasValue(event.get("id").asText());
        }
        JsonNode sent = eventsFor(messageId).stream()
                .filter(e -> e.get("type").asText().equals("message.sent"))
                .findFirst()
                .orElseThrow();
        assertThat(sent.get("session_id").asText()).isEqualTo(sessionId);
        assertThat(sent.at("/data/client_ref").asText()).isEqualTo("order-42");
        assertThat(sent.at("/data/wa_message_id").asText()).isNotBlank();
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

        await().atMost(PATIENCE).until(() -> messageTypesReceived(messageId)
                .containsAll(List.of("message.sent", "message.delivered", "message.read")));
        Set<String> acceptedIds = receiver.accepted().stream()
                .map(d -> d.headers().firstValue("webhook-id").orElseThrow())
                .collect(Collectors.toSet());
        assertThat(acceptedIds).containsAll(refusedBeforeTheKill);
        for (var delivery : receiver.accepted()) {
            new Webhook(webhookSecret).verify(delivery.body(), delivery.headers());
        }
    }

    private JsonNode call(String method, String path, Object body, int expectedStatus) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(stack.baseUrl() + path))
                .header("Authorization", "Bearer " + stack.adminKey())
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as("%s %s answered %s", method, path, response.body())
                .isEqualTo(expectedStatus);
        return JSON.readTree(response.body());
    }

    private List<JsonNode> acceptedEvents() {
        return receiver.accepted().stream().map(d -> parse(d.body())).toList();
    }

    private Set<String> typesReceived() {
        return acceptedEvents().stream().map(e -> e.get("type").asText()).collect(Collectors.toSet());
    }

    private Set<String> statusesReceived() {
        return acceptedEvents().stream()
                .filter(e -> e.get("type").asText().equals("session.status"))
                .map(e -> e.at("/data/status").asText())
                .collect(Collectors.toSet());
    }

    private List<JsonNode> eventsFor(String messageId) {
        return acceptedEvents().stream()
                .filter(e -> messageId.equals(e.at("/data/message_id").asText()))
                .toList();
    }

    private List<String> messageTypesReceived(String messageId) {
        return eventsFor(messageId).stream().map(e -> e.get("type").asText()).toList();
    }

    private Set<String> refusedEventIds(String messageId) {
        return receiver.deliveries().stream()
                .filter(d -> d.answeredWith() >= 300)
                .filter(d ->
                        messageId.equals(parse(d.body()).at("/data/message_id").asText()))
                .map(d -> d.headers().firstValue("webhook-id").orElseThrow())
                .collect(Collectors.toSet());
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }
}
