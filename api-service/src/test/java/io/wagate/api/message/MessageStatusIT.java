package io.wagate.api.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiTestBase;
import io.wagate.api.support.Events;
import io.wagate.schemas.v1.MessageFailure;
import io.wagate.schemas.v1.MessageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class MessageStatusIT extends ApiTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void aMessageShowsItsCurrentStatusAndEveryStepItTook() {
        // Given
        String key = newOrganizationKey("Tracker");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        String messageId = send(key, sessionId);
        String path = "/v1/sessions/" + sessionId + "/messages/" + messageId;
        assertThat(api.get(path, key).text("/status")).isEqualTo("queued");

        // When
        Instant t = Instant.now();
        topics.publishEvent(Events.messageStatus(sessionId, org, messageId, MessageStatus.SENT, "3EB0AA", null, t));
        topics.publishEvent(Events.messageStatus(
                sessionId, org, messageId, MessageStatus.DELIVERED, "3EB0AA", null, t.plusMillis(300)));
        topics.publishEvent(
                Events.messageStatus(sessionId, org, messageId, MessageStatus.READ, "3EB0AA", null, t.plusMillis(900)));

        // Then
        await().atMost(PATIENCE).until(() -> api.get(path, key).text("/status").equals("read"));
        var message = api.get(path, key);
        assertThat(message.text("/id")).isEqualTo(messageId);
        assertThat(message.text("/to")).isEqualTo("5511999999999@s.whatsapp.net");
        assertThat(message.text("/type")).isEqualTo("text");
        assertThat(message.text("/client_ref")).isEqualTo("order-42");
        assertThat(message.text("/wa_message_id")).isEqualTo("3EB0AA");
        assertThat(message.body().get("error").isNull()).isTrue();
        assertThat(steps(message.body())).containsExactly("queued", "sent", "delivered", "read");
    }

    @Test
    void aLateReceiptIsKeptInTheHistoryWithoutMovingTheStatusBack() {
        // Given
        String key = newOrganizationKey("Out of order");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        String messageId = send(key, sessionId);
        String path = "/v1/sessions/" + sessionId + "/messages/" + messageId;
        Instant t = Instant.now();

        // When
        var read = Events.messageStatus(sessionId, org, messageId, MessageStatus.READ, "3EB0BB", null, t);
        topics.publishEvent(read);
        topics.publishEvent(read);
        topics.publishEvent(Events.messageStatus(
                sessionId, org, messageId, MessageStatus.DELIVERED, "3EB0BB", null, t.minusMillis(100)));

        // Then
        await().atMost(PATIENCE).until(() -> steps(api.get(path, key).body()).size() == 3);
        var message = api.get(path, key);
        assertThat(message.text("/status")).isEqualTo("read");
        assertThat(steps(message.body())).containsExactly("queued", "delivered", "read");
    }

    @Test
    void aFailedMessageSaysWhy() {
        // Given
        String key = newOrganizationKey("Failing");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        String messageId = send(key, sessionId);
        String path = "/v1/sessions/" + sessionId + "/messages/" + messageId;

        // When
        topics.publishEvent(Events.messageStatus(
                sessionId,
                org,
                messageId,
                MessageStatus.FAILED,
                null,
                new MessageFailure("not_on_whatsapp", "the recipient is not on WhatsApp"),
                Instant.now()));

        // Then
        await().atMost(PATIENCE).until(() -> api.get(path, key).text("/status").equals("failed"));
        var message = api.get(path, key);
        assertThat(message.text("/error/code")).isEqualTo("not_on_whatsapp");
        assertThat(message.text("/history/1/error/code")).isEqualTo("not_on_whatsapp");
    }

    @Test
    void aMessageProducedStraightToKafkaIsLearntFromItsEvents() {
        // Given: another service produced the send command itself, so the API never saw it
        String key = newOrganizationKey("Producer");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        String messageId = "msg_01JPRODUCEDBYANOTHERSVC0";

        // When
        topics.publishEvent(
                Events.messageStatus(sessionId, org, messageId, MessageStatus.SENT, "3EB0CC", null, Instant.now()));

        // Then
        String path = "/v1/sessions/" + sessionId + "/messages/" + messageId;
        await().atMost(PATIENCE).until(() -> api.get(path, key).status() == 200);
        var message = api.get(path, key);
        assertThat(message.text("/status")).isEqualTo("sent");
        assertThat(message.text("/metadata/crm")).isEqualTo("T-1");
    }

    @Test
    void anotherOrganizationsMessageIsNotFound() {
        // Given
        String owner = newOrganizationKey("Owner of messages");
        String stranger = newOrganizationKey("Curious");
        String sessionId = connectedSession(owner);
        String messageId = send(owner, sessionId);

        // Then
        var reply = api.get("/v1/sessions/" + sessionId + "/messages/" + messageId, stranger);
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.errorCode()).isEqualTo("not_found");
        assertThat(api.get("/v1/sessions/" + sessionId + "/messages/msg_unknown", owner)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aVoiceNoteMovesOnToPlayed() {
        // Given
        String key = newOrganizationKey("Listener");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        String messageId = send(key, sessionId);
        String path = "/v1/sessions/" + sessionId + "/messages/" + messageId;
        Instant t = Instant.now();

        // When
        topics.publishEvent(Events.messageStatus(sessionId, org, messageId, MessageStatus.READ, "3EB0PL", null, t));
        topics.publishEvent(Events.messageStatus(
                sessionId, org, messageId, MessageStatus.PLAYED, "3EB0PL", null, t.plusMillis(50)));

        // Then
        await().atMost(PATIENCE).until(() -> api.get(path, key).text("/status").equals("played"));
        assertThat(steps(api.get(path, key).body())).containsExactly("queued", "read", "played");
    }

    @Test
    void anInboundMessageIsListedBesideOutboundOnesAndCanBeFilteredAndPaged() {
        // Given: one message sent, then one received
        String key = newOrganizationKey("Conversation");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        String sent = send(key, sessionId);
        String received = "msg_" + com.github.f4b6a3.ulid.UlidCreator.getMonotonicUlid();
        topics.publishEvent(Events.receivedText(sessionId, org, received, "5511977776666@s.whatsapp.net", "hi back"));
        String list = "/v1/sessions/" + sessionId + "/messages";
        await().atMost(PATIENCE)
                .until(() -> api.get(list, key).body().get("data").size() == 2);

        // When
        var all = api.get(list, key);
        var inbound = api.get(list + "?direction=inbound", key);
        var firstPage = api.get(list + "?limit=1", key);
        var secondPage = api.get(list + "?limit=1&cursor=" + firstPage.text("/next_cursor"), key);
        var badDirection = api.get(list + "?direction=sideways", key);

        // Then
        assertThat(all.body().get("data").findValuesAsText("id")).containsExactly(received, sent);
        assertThat(all.body().get("next_cursor").isNull()).isTrue();
        var message = inbound.body().get("data").get(0);
        assertThat(message.get("id").asText()).isEqualTo(received);
        assertThat(message.get("direction").asText()).isEqualTo("inbound");
        assertThat(message.get("status").asText()).isEqualTo("received");
        assertThat(message.get("type").asText()).isEqualTo("text");
        assertThat(message.get("from").asText()).isEqualTo("5511977776666@s.whatsapp.net");
        assertThat(message.get("chat").asText()).isEqualTo("5511977776666@s.whatsapp.net");
        assertThat(message.get("to").isNull()).isTrue();
        assertThat(inbound.body().get("data")).hasSize(1);
        assertThat(firstPage.body().get("data").findValuesAsText("id")).containsExactly(received);
        assertThat(secondPage.body().get("data").findValuesAsText("id")).containsExactly(sent);
        assertThat(secondPage.body().get("data").get(0).get("direction").asText())
                .isEqualTo("outbound");
        assertThat(badDirection.status()).isEqualTo(400);
        assertThat(badDirection.text("/error/details/field")).isEqualTo("direction");
    }

    private String send(String key, String sessionId) {
        var reply = api.post(
                "/v1/sessions/" + sessionId + "/messages?async=true",
                key,
                Map.of("to", "5511999999999", "type", "text", "text", "hi", "client_ref", "order-42"));
        assertThat(reply.status()).isEqualTo(202);
        return reply.text("/message_id");
    }

    private static List<String> steps(JsonNode message) {
        List<String> steps = new ArrayList<>();
        message.get("history").forEach(step -> steps.add(step.get("status").asText()));
        return steps;
    }
}
