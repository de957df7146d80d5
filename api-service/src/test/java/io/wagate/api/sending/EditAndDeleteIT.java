package io.wagate.api.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiClient.Reply;
import io.wagate.api.support.ApiTestBase;
import io.wagate.api.support.Events;
import io.wagate.schemas.v1.EditContent;
import io.wagate.schemas.v1.RevokeContent;
import io.wagate.schemas.v1.SendMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An edit and a deletion are sends of their own, aimed at a message this session sent. */
@MicronautTest(transactional = false)
class EditAndDeleteIT extends ApiTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void editingASentTextSendsAnEditAimedAtItAndAnswersLikeASend() {
        // Given
        String key = newOrganizationKey("Editor");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        sessionService().acknowledgeSends(sessionId, org, id -> "3EB0" + id.substring(22));
        String original = send(key, sessionId, Map.of("to", "5511999999999", "type", "text", "text", "helo"));

        // When
        Reply edit =
                api.patch(messages(sessionId) + "/" + original, key, Map.of("text", "hello", "client_ref", "fix-1"));

        // Then
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.text("/status")).isEqualTo("sent");
        String editId = edit.text("/id");
        assertThat(editId).isNotEqualTo(original);
        SendMessage command = sendOf(sessionId, editId);
        assertThat(command.getTo()).isEqualTo("5511999999999@s.whatsapp.net");
        assertThat(command.getClientRef()).isEqualTo("fix-1");
        assertThat(command.getContent())
                .isEqualTo(EditContent.newBuilder()
                        .setTargetMessageId(original)
                        .setText("hello")
                        .build());
        var stored = api.get(messages(sessionId) + "/" + editId, key);
        assertThat(stored.text("/type")).isEqualTo("edit");
        assertThat(stored.text("/target_message_id")).isEqualTo(original);
    }

    @Test
    void deletingASentMessageSendsARevokeAimedAtIt() {
        // Given
        String key = newOrganizationKey("Regretful");
        String sessionId = connectedSession(key);
        String original = send(key, sessionId, Map.of("to", "5511999999999", "type", "text", "text", "oops"));

        // When
        Reply deletion = api.delete(messages(sessionId) + "/" + original + "?async=true", key);

        // Then
        assertThat(deletion.status()).isEqualTo(202);
        SendMessage command = sendOf(sessionId, deletion.text("/id"));
        assertThat(command.getContent())
                .isEqualTo(
                        RevokeContent.newBuilder().setTargetMessageId(original).build());
        assertThat(api.get(messages(sessionId) + "/" + deletion.text("/id"), key)
                        .text("/type"))
                .isEqualTo("delete");
    }

    @Test
    void anUnknownMessageOrAnotherSessionsIsNotFound() {
        String key = newOrganizationKey("Lost");
        String sessionId = connectedSession(key);
        String other = connectedSession(key);
        String othersMessage = send(key, other, Map.of("to", "5511999999999", "type", "text", "text", "mine"));

        Reply unknown =
                api.patch(messages(sessionId) + "/msg_01JUNKNOWN0000000000000000?async=true", key, Map.of("text", "x"));
        Reply foreign = api.delete(messages(sessionId) + "/" + othersMessage + "?async=true", key);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("not_found");
        assertThat(foreign.status()).isEqualTo(404);
    }

    @Test
    void onlyOutboundTextsCanBeEditedAndOnlyOutboundMessagesDeleted() {
        // Given: an image this session sent, and a text it received
        String key = newOrganizationKey("Strict");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        String image = send(
                key,
                sessionId,
                Map.of("to", "5511999999999", "type", "image", "media_url", "https://cdn.example.com/a.png"));
        String inbound = "msg_01JINBOUNDTEXT00000000000";
        topics.publishEvent(Events.receivedText(sessionId, org, inbound, "5511977776666@s.whatsapp.net", "hey"));
        await().atMost(PATIENCE)
                .until(() -> api.get(messages(sessionId) + "/" + inbound, key).status() == 200);

        // When
        Reply editImage = api.patch(messages(sessionId) + "/" + image + "?async=true", key, Map.of("text", "x"));
        Reply editInbound = api.patch(messages(sessionId) + "/" + inbound + "?async=true", key, Map.of("text", "x"));
        Reply deleteInbound = api.delete(messages(sessionId) + "/" + inbound + "?async=true", key);
        Reply emptyEdit = api.patch(messages(sessionId) + "/" + image + "?async=true", key, Map.of("text", ""));

        // Then
        assertThat(editImage.status()).isEqualTo(400);
        assertThat(editImage.errorCode()).isEqualTo("edit_not_allowed");
        assertThat(editInbound.errorCode()).isEqualTo("edit_not_allowed");
        assertThat(deleteInbound.status()).isEqualTo(400);
        assertThat(deleteInbound.errorCode()).isEqualTo("revoke_not_allowed");
        assertThat(emptyEdit.errorCode()).isEqualTo("validation_error");
        assertThat(topics.commandsFor(sessionId).stream().filter(SendMessage.class::isInstance))
                .hasSize(1);
    }

    private String send(String key, String sessionId, Map<String, Object> body) {
        Reply reply = api.post(messages(sessionId) + "?async=true", key, body);
        assertThat(reply.status()).isEqualTo(202);
        return reply.text("/id");
    }

    private SendMessage sendOf(String sessionId, String messageId) {
        return topics.commandsFor(sessionId).stream()
                .filter(SendMessage.class::isInstance)
                .map(SendMessage.class::cast)
                .filter(send -> send.getMessageId().equals(messageId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no SendMessage " + messageId));
    }

    private static String messages(String sessionId) {
        return "/v1/sessions/" + sessionId + "/messages";
    }
}
