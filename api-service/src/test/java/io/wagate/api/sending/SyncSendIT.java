package io.wagate.api.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiClient;
import io.wagate.api.support.ApiClient.Reply;
import io.wagate.api.support.ApiTestBase;
import io.wagate.schemas.v1.SendMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A send answers when WhatsApp answered: 200 with the WhatsApp id on message.sent, 422 with the
 * failure's code on message.failed, 202 pending when nothing came in time; ?async=true answers at once.
 */
@MicronautTest(transactional = false)
class SyncSendIT extends ApiTestBase {

    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(5);
    private static final Map<String, Object> HELLO =
            Map.of("to", "5511999999999", "type", "text", "text", "hello", "client_ref", "order-7");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("wagate.replies.send-timeout", SEND_TIMEOUT.toSeconds() + "s");
        return properties;
    }

    @Test
    void aSendAnswers200OnceWhatsAppAcknowledgedIt() {
        // Given: session-service acknowledges every send of this session
        String key = newOrganizationKey("Sync sender");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        sessionService().acknowledgeSends(sessionId, org, id -> "3EB0" + id.substring(20));

        // When
        Reply reply = send(key, sessionId, null);

        // Then
        assertThat(reply.status()).isEqualTo(200);
        String messageId = reply.text("/id");
        assertThat(reply.text("/status")).isEqualTo("sent");
        assertThat(reply.text("/wa_message_id")).isEqualTo("3EB0" + messageId.substring(20));
        assertThat(reply.text("/client_ref")).isEqualTo("order-7");
        assertThat(reply.body().get("pending").asBoolean()).isFalse();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/v1/sessions/" + sessionId + "/messages/" + messageId, key)
                        .text("/status")
                        .equals("sent"));
    }

    @Test
    void aSendWhatsAppRefusedAnswers422WithTheFailuresCode() {
        // Given
        String key = newOrganizationKey("Refused");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        sessionService().failSends(sessionId, org, "not_on_whatsapp", "no WhatsApp account");

        // When
        Reply reply = send(key, sessionId, null);

        // Then
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo("not_on_whatsapp");
        assertThat(reply.text("/error/message")).isEqualTo("no WhatsApp account");
        assertThat(reply.text("/error/details/message_id")).startsWith("msg_");
        assertThat(reply.text("/error/details/status")).isEqualTo("failed");
    }

    @Test
    void aSendNobodyAnswersInTimeAnswers202Pending() {
        // Given: no session-service answers this session
        String key = newOrganizationKey("Patient");
        String sessionId = connectedSession(key);

        // When
        long started = System.nanoTime();
        Reply reply = send(key, sessionId, null);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // Then
        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.text("/status")).isEqualTo("queued");
        assertThat(reply.body().get("pending").asBoolean()).isTrue();
        assertThat(took).isBetween(SEND_TIMEOUT, SEND_TIMEOUT.plusSeconds(5));
    }

    @Test
    void anAsyncSendAnswers202AtOnceEvenWhenNobodyAnswers() {
        String key = newOrganizationKey("Async");
        String sessionId = connectedSession(key);

        long started = System.nanoTime();
        Reply reply = api.post("/v1/sessions/" + sessionId + "/messages?async=true", key, HELLO);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.body().get("pending").asBoolean()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SEND_TIMEOUT);
    }

    @Test
    void aRetriedSyncSendReplaysTheFirstAnswerAndSendsNothingMore() {
        // Given
        String key = newOrganizationKey("Sync retrier");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        sessionService().acknowledgeSends(sessionId, org, id -> "3EB0REPLAY");

        // When
        Reply first = send(key, sessionId, "sync-1");
        Reply retry = send(key, sessionId, "sync-1");
        Reply reused = api.send(
                "POST",
                "/v1/sessions/" + sessionId + "/messages",
                key,
                ApiClient.json(Map.of("to", "5511999999999", "type", "text", "text", "other")),
                "application/json",
                Map.of("Idempotency-Key", "sync-1"));

        // Then
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("replayed").asBoolean()).isFalse();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.body().get("replayed").asBoolean()).isTrue();
        assertThat(retry.text("/id")).isEqualTo(first.text("/id"));
        assertThat(retry.text("/wa_message_id")).isEqualTo("3EB0REPLAY");
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(topics.commandsFor(sessionId).stream().filter(SendMessage.class::isInstance))
                .hasSize(1);
    }

    @Test
    void aRetriedFailedSendReplaysTheFailure() {
        String key = newOrganizationKey("Failed retrier");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        sessionService().failSends(sessionId, org, "not_on_whatsapp", "nobody there");

        Reply first = send(key, sessionId, "fail-1");
        Reply retry = send(key, sessionId, "fail-1");

        assertThat(first.status()).isEqualTo(422);
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.errorCode()).isEqualTo("not_on_whatsapp");
        assertThat(retry.body().at("/error/details/replayed").asBoolean()).isTrue();
        assertThat(retry.text("/error/details/message_id")).isEqualTo(first.text("/error/details/message_id"));
        assertThat(topics.commandsFor(sessionId).stream().filter(SendMessage.class::isInstance))
                .hasSize(1);
    }

    @Test
    void aRetryWhileTheFirstSyncSendStillWaitsAnswersItPendingWithoutSendingAgain() {
        // Given: a sync send nobody answers, still waiting, already in Kafka
        String key = newOrganizationKey("Impatient retrier");
        String sessionId = connectedSession(key);
        var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> send(key, sessionId, "wait-1"));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> topics.commandsFor(sessionId).stream().anyMatch(SendMessage.class::isInstance));

        // When
        Reply retry = send(key, sessionId, "wait-1");

        // Then
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body().get("pending").asBoolean()).isTrue();
        assertThat(retry.body().get("replayed").asBoolean()).isTrue();
        assertThat(retry.text("/id")).isEqualTo(first.join().text("/id"));
        assertThat(topics.commandsFor(sessionId).stream().filter(SendMessage.class::isInstance))
                .hasSize(1);
    }

    private Reply send(String key, String sessionId, String idempotencyKey) {
        return api.send(
                "POST",
                "/v1/sessions/" + sessionId + "/messages",
                key,
                ApiClient.json(HELLO),
                "application/json",
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }
}
