package io.wagate.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiClient;
import io.wagate.api.support.ApiClient.Reply;
import io.wagate.api.support.ApiTestBase;
import io.wagate.schemas.v1.SendMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class IdempotencyIT extends ApiTestBase {

    private static final Map<String, Object> HELLO =
            Map.of("to", "5511999999999", "type", "text", "text", "hello", "client_ref", "order-7");

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstOutcomeAndSendsNothingMore() {
        // Given
        String key = newOrganizationKey("Retrier");
        String sessionId = connectedSession(key);

        // When
        Reply first = send(key, sessionId, "retry-1", HELLO);
        Reply retry = send(key, sessionId, "retry-1", HELLO);

        // Then
        assertThat(first.status()).isEqualTo(202);
        assertThat(first.body().get("replayed").asBoolean()).isFalse();
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.body().get("replayed").asBoolean()).isTrue();
        assertThat(retry.text("/message_id")).isEqualTo(first.text("/message_id"));
        assertThat(retry.text("/client_ref")).isEqualTo("order-7");
        assertThat(topics.commandsFor(sessionId).stream().filter(SendMessage.class::isInstance))
                .hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        // Given
        String key = newOrganizationKey("Careless");
        String sessionId = connectedSession(key);
        send(key, sessionId, "order-8", HELLO);

        // When
        Reply reused = send(key, sessionId, "order-8", Map.of("to", "5511999999999", "type", "text", "text", "bye"));

        // Then
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.errorCode()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void keysBelongToTheirOrganization() {
        // Given
        String alice = newOrganizationKey("Alice");
        String bob = newOrganizationKey("Bob");
        String aliceSession = connectedSession(alice);
        String bobSession = connectedSession(bob);

        // When
        Reply fromAlice = send(alice, aliceSession, "shared-key", HELLO);
        Reply fromBob = send(bob, bobSession, "shared-key", HELLO);

        // Then
        assertThat(fromBob.status()).isEqualTo(202);
        assertThat(fromBob.body().get("replayed").asBoolean()).isFalse();
        assertThat(fromBob.text("/message_id")).isNotEqualTo(fromAlice.text("/message_id"));
    }

    @Test
    void aRequestThatFailedLeavesItsKeyFreeForTheRetry() {
        // Given a send refused because the session is not connected yet
        String key = newOrganizationKey("Patient");
        String sessionId = newSession(key);
        Reply refused = send(key, sessionId, "later", HELLO);
        assertThat(refused.status()).isEqualTo(409);

        // When
        String connected = connectedSession(key);
        Reply retried = send(key, connected, "later", HELLO);

        // Then
        assertThat(retried.status()).isEqualTo(202);
        assertThat(retried.body().get("replayed").asBoolean()).isFalse();
    }

    @Test
    void anOverlongKeyIsRefusedNamingTheHeader() {
        String key = newOrganizationKey("Verbose");
        String sessionId = connectedSession(key);

        Reply reply = send(key, sessionId, "k".repeat(256), HELLO);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("/error/details/field")).isEqualTo("Idempotency-Key");
    }

    private Reply send(String key, String sessionId, String idempotencyKey, Map<String, Object> body) {
        return api.send(
                "POST",
                "/v1/sessions/" + sessionId + "/messages?async=true",
                key,
                ApiClient.json(body),
                "application/json",
                Map.of("Idempotency-Key", idempotencyKey));
    }
}
