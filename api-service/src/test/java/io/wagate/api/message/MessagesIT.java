package io.wagate.api.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiTestBase;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.TextContent;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class MessagesIT extends ApiTestBase {

    private static final Map<String, Object> HELLO = Map.of(
            "to",
            "5511999999999",
            "type",
            "text",
            "text",
            "hi",
            "client_ref",
            "order-42",
            "metadata",
            Map.of("k", "v"));

    @Test
    void sendingBeforeTheSessionIsConnectedIsRefusedWithItsStatus() {
        // Given
        String key = newOrganizationKey("Impatient");
        String sessionId = newSession(key);

        // When
        var reply = api.post("/v1/sessions/" + sessionId + "/messages", key, HELLO);

        // Then
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo("not_connected");
        assertThat(reply.text("/error/details/status")).isEqualTo("pending");
        assertThat(topics.commandsFor(sessionId)).noneMatch(SendMessage.class::isInstance);
    }

    @Test
    void aConnectedSessionQueuesTheSendAndAnswersItsMessageId() {
        // Given
        String key = newOrganizationKey("Sender");
        String sessionId = connectedSession(key);

        // When
        var reply = api.post("/v1/sessions/" + sessionId + "/messages", key, HELLO);

        // Then
        assertThat(reply.status()).isEqualTo(202);
        String messageId = reply.text("/message_id");
        assertThat(messageId).startsWith("msg_");
        assertThat(reply.text("/status")).isEqualTo("queued");
        assertThat(reply.text("/client_ref")).isEqualTo("order-42");
        SendMessage send = sendsOf(sessionId);
        assertThat(send.getMessageId()).isEqualTo(messageId);
        assertThat(send.getSessionId()).isEqualTo(sessionId);
        assertThat(send.getOrganizationId()).isEqualTo(organizationOf(key));
        assertThat(send.getTo()).isEqualTo("5511999999999@s.whatsapp.net");
        assertThat(send.getClientRef()).isEqualTo("order-42");
        assertThat(send.getMetadata()).containsExactly(Map.entry("k", "v"));
        assertThat(send.getContent()).isInstanceOfSatisfying(TextContent.class, text -> assertThat(text.getText())
                .isEqualTo("hi"));
    }

    @Test
    void aCUsRecipientIsSentToItsSWhatsAppNetJid() {
        // Given
        String key = newOrganizationKey("Alias");
        String sessionId = connectedSession(key);
        Map<String, Object> body = Map.of("to", "5511999999999@c.us", "type", "text", "text", "hi");

        // When
        var reply = api.post("/v1/sessions/" + sessionId + "/messages", key, body);

        // Then
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().get("client_ref").isNull()).isTrue();
        assertThat(sendsOf(sessionId).getTo()).isEqualTo("5511999999999@s.whatsapp.net");
    }

    @Test
    void anotherOrganizationCannotSendWithASession() {
        // Given
        String ownerKey = newOrganizationKey("Session owner");
        String outsiderKey = newOrganizationKey("Session outsider");
        String sessionId = connectedSession(ownerKey);

        // When
        var reply = api.post("/v1/sessions/" + sessionId + "/messages", outsiderKey, HELLO);

        // Then
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("not_found");
        assertThat(topics.commandsFor(sessionId)).noneMatch(SendMessage.class::isInstance);
    }

    @Test
    void aRefusedSendNamesTheFieldAtFault() {
        // Given
        String key = newOrganizationKey("Sloppy");
        String sessionId = connectedSession(key);
        String path = "/v1/sessions/" + sessionId + "/messages";

        // When
        var badType = api.post(path, key, with("type", "image"));
        var noText = api.post(path, key, Map.of("to", "5511999999999", "type", "text"));
        var badTo = api.post(path, key, with("to", "12345"));
        var badMetadata = api.post(path, key, with("metadata", Map.of("k", 1)));

        // Then
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.errorCode()).isEqualTo("validation_error");
        assertThat(badType.text("/error/details/field")).isEqualTo("type");
        assertThat(badType.text("/error/details/errors/0/message")).contains("text");
        assertThat(noText.text("/error/details/field")).isEqualTo("text");
        assertThat(badTo.status()).isEqualTo(400);
        assertThat(badTo.errorCode()).isEqualTo("invalid_phone_number");
        assertThat(badTo.text("/error/details/field")).isEqualTo("to");
        assertThat(badMetadata.text("/error/details/field")).isEqualTo("metadata");
        assertThat(topics.commandsFor(sessionId)).noneMatch(SendMessage.class::isInstance);
    }

    private SendMessage sendsOf(String sessionId) {
        return topics.commandsFor(sessionId).stream()
                .filter(SendMessage.class::isInstance)
                .map(SendMessage.class::cast)
                .reduce((first, second) -> {
                    throw new AssertionError("more than one send for " + sessionId);
                })
                .orElseThrow(() -> new AssertionError("no send queued for " + sessionId));
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(HELLO);
        body.put(field, value);
        return body;
    }
}
