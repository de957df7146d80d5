package io.wagate.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.f4b6a3.ulid.UlidCreator;
import io.wagate.schemas.v1.SendMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A connected session of an organization of its own, whose every event goes to a {@link
 * RecordingReceiver}: sends through it and follows them to their webhooks.
 */
final class ConnectedSession {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final GatewayClient api;
    private final RecordingReceiver receiver;
    private final String organizationId;
    private final String id;

    private ConnectedSession(GatewayClient api, RecordingReceiver receiver, String organizationId, String id) {
        this.api = api;
        this.receiver = receiver;
        this.organizationId = organizationId;
        this.id = id;
    }

    /** Creates an organization, subscribes {@code receiver} to its events, and waits until a new session connects. */
    static ConnectedSession open(DevStack stack, RecordingReceiver receiver) {
        var admin = new GatewayClient(stack.baseUrl(), stack.adminKey());
        JsonNode organization = admin.call("POST", "/v1/organizations", Map.of("name", "messaging"), 201);
        GatewayClient api = admin.withKey(organization.at("/api_key/key").asText());
        api.call("POST", "/v1/webhooks", Map.of("url", receiver.url()), 201);
        String id = api.call("POST", "/v1/sessions", Map.of("name", "messaging"), 201)
                .get("id")
                .asText();
        await().atMost(PATIENCE).until(() -> api.call("GET", "/v1/sessions/" + id, null, 200)
                .get("status")
                .asText()
                .equals("connected"));
        return new ConnectedSession(api, receiver, organization.get("id").asText(), id);
    }

    GatewayClient api() {
        return api;
    }

    String id() {
        return id;
    }

    String messages() {
        return "/v1/sessions/" + id + "/messages";
    }

    /** A synchronous send that WhatsApp took; returns its message id. */
    String send(Map<String, Object> body) {
        return sentId(api.call("POST", messages(), body, 200), (String) body.get("client_ref"));
    }

    /** A send that may be refused. */
    GatewayClient.Answer trySend(Map<String, Object> body) {
        return api.exchange("POST", messages(), body);
    }

    String edit(String target, Map<String, Object> body) {
        return sentId(api.call("PATCH", messages() + "/" + target, body, 200), (String) body.get("client_ref"));
    }

    String delete(String target) {
        return sentId(api.call("DELETE", messages() + "/" + target, null, 200), null);
    }

    JsonNode message(String messageId) {
        return api.call("GET", messages() + "/" + messageId, null, 200);
    }

    /** Checks a {@code 200} send answer and returns its message id. */
    static String sentId(JsonNode answer, String clientRef) {
        assertThat(answer.get("status").asText()).as("%s", answer).isEqualTo("sent");
        assertThat(answer.get("wa_message_id").asText()).isNotBlank();
        assertThat(answer.get("replayed").asBoolean()).isFalse();
        if (clientRef != null) {
            assertThat(answer.get("client_ref").asText()).isEqualTo(clientRef);
        }
        String messageId = answer.get("id").asText();
        assertThat(messageId)
                .startsWith("msg_")
                .isEqualTo(answer.get("message_id").asText());
        return messageId;
    }

    /** Waits for these events of the message and checks that each carries the send's references. */
    void awaitAnnounced(String messageId, String clientRef, Map<String, String> metadata, String... types) {
        await().atMost(PATIENCE).until(() -> receiver.typesFor(messageId).containsAll(List.of(types)));
        for (JsonNode event : receiver.eventsFor(messageId)) {
            assertThat(event.get("session_id").asText()).isEqualTo(id);
            assertThat(event.at("/data/client_ref").asText()).isEqualTo(clientRef);
            metadata.forEach((key, value) ->
                    assertThat(event.at("/data/metadata/" + key).asText()).isEqualTo(value));
        }
    }

    /** Waits until the API shows the message failed for {@code code}. */
    void awaitFailedWith(String messageId, String code) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            JsonNode message = message(messageId);
            assertThat(message.get("status").asText()).isEqualTo("failed");
            assertThat(message.at("/error/code").asText()).isEqualTo(code);
        });
    }

    /** The {@code client_ref} of every event received so far. */
    List<String> clientRefsAnnounced() {
        return receiver.events().stream()
                .map(e -> e.at("/data/client_ref").asText())
                .toList();
    }

    /** A send command for this session as another service would produce it, with metadata {@code source: kafka}. */
    SendMessage command(String to, String clientRef, Object content) {
        return SendMessage.newBuilder()
                .setMessageId("msg_" + UlidCreator.getMonotonicUlid())
                .setSessionId(id)
                .setOrganizationId(organizationId)
                .setIssuedAt(Instant.now())
                .setTo(to)
                .setClientRef(clientRef)
                .setMetadata(Map.of("source", "kafka"))
                .setContent(content)
                .build();
    }
}
