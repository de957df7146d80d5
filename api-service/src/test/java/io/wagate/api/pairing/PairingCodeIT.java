package io.wagate.api.pairing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiClient.Reply;
import io.wagate.api.support.ApiTestBase;
import io.wagate.api.support.Events;
import io.wagate.schemas.v1.RequestPairingCode;
import io.wagate.schemas.v1.SessionCommand;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pairing by code: the request produces RequestPairingCode and answers the code WhatsApp issued. */
@MicronautTest(transactional = false)
class PairingCodeIT extends ApiTestBase {

    @Test
    void aRequestedCodeIsAnsweredAndStaysReadableUntilItExpires() {
        // Given: session-service answers a pairing request with a code
        String key = newOrganizationKey("Code pairer");
        String org = organizationOf(key);
        String sessionId = newSession(key);
        Instant expiresAt = Instant.now().plus(3, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        sessionService()
                .answer(
                        sessionId,
                        command -> ((SessionCommand) command).getAction() instanceof RequestPairingCode request
                                ? List.of(Events.pairingCode(
                                        sessionId, org, "WAGT4K7P", request.getPhoneNumber(), expiresAt))
                                : List.of());

        // When
        Reply requested = api.post(pairingCode(sessionId), key, Map.of("phone_number", "5511988887777"));

        // Then
        assertThat(requested.status()).isEqualTo(200);
        assertThat(requested.text("/code")).isEqualTo("WAGT4K7P");
        assertThat(requested.text("/phone_number")).isEqualTo("5511988887777");
        assertThat(Instant.parse(requested.text("/expires_at"))).isEqualTo(expiresAt);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get(pairingCode(sessionId), key).status() == 200);
        assertThat(api.get(pairingCode(sessionId), key).text("/code")).isEqualTo("WAGT4K7P");
        assertThat(topics.commandsFor(sessionId).stream().map(c -> ((SessionCommand) c).getAction()))
                .filteredOn(RequestPairingCode.class::isInstance)
                .singleElement()
                .satisfies(action -> assertThat(((RequestPairingCode) action).getPhoneNumber())
                        .isEqualTo("5511988887777"));
    }

    @Test
    void aNumberSessionServiceRefusesIsAnInvalidPhoneNumber() {
        String key = newOrganizationKey("Refused pairer");
        String org = organizationOf(key);
        String sessionId = newSession(key);
        sessionService()
                .answer(
                        sessionId,
                        command -> ((SessionCommand) command).getAction() instanceof RequestPairingCode
                                ? List.of(Events.commandFailed(
                                        sessionId,
                                        org,
                                        ((SessionCommand) command).getCommandId(),
                                        "invalid_phone_number",
                                        "not on WhatsApp"))
                                : List.of());

        Reply refused = api.post(pairingCode(sessionId), key, Map.of("phone_number", "5511988887777"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("invalid_phone_number");
    }

    @Test
    void aMalformedNumberOrAConnectedSessionIsRefusedBeforeAnythingIsSent() {
        String key = newOrganizationKey("Careless pairer");
        String pending = newSession(key);
        String connected = connectedSession(key);

        Reply malformed = api.post(pairingCode(pending), key, Map.of("phone_number", "12ab"));
        Reply missing = api.post(pairingCode(pending), key, Map.of());
        Reply alreadyLinked = api.post(pairingCode(connected), key, Map.of("phone_number", "5511988887777"));
        Reply noCode = api.get(pairingCode(pending), key);

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("invalid_phone_number");
        assertThat(malformed.text("/error/details/field")).isEqualTo("phone_number");
        assertThat(missing.errorCode()).isEqualTo("validation_error");
        assertThat(alreadyLinked.status()).isEqualTo(409);
        assertThat(alreadyLinked.errorCode()).isEqualTo("already_connected");
        assertThat(noCode.status()).isEqualTo(409);
        assertThat(noCode.errorCode()).isEqualTo("pairing_code_not_available");
        assertThat(topics.commandsFor(pending).stream().map(c -> ((SessionCommand) c).getAction()))
                .noneMatch(RequestPairingCode.class::isInstance);
    }

    private static String pairingCode(String sessionId) {
        return "/v1/sessions/" + sessionId + "/pairing-code";
    }
}
