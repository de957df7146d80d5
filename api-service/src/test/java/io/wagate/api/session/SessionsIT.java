package io.wagate.api.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiTestBase;
import io.wagate.api.support.Events;
import io.wagate.schemas.v1.ConnectSession;
import io.wagate.schemas.v1.SessionCommand;
import io.wagate.schemas.v1.SessionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SessionsIT extends ApiTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void creatingASessionAnswersItPendingAndQueuesAConnectCommandKeyedByItsId() {
        // Given
        String key = newOrganizationKey("Creator");

        // When
        var created = api.post("/v1/sessions", key, Map.of("name", "support line"));

        // Then
        assertThat(created.status()).isEqualTo(201);
        String sessionId = created.text("/id");
        assertThat(sessionId).startsWith("sess_");
        assertThat(created.text("/name")).isEqualTo("support line");
        assertThat(created.text("/status")).isEqualTo("pending");
        assertThat(created.body().get("status_reason").isNull()).isTrue();
        assertThat(created.body().get("phone_number").isNull()).isTrue();
        assertThat(created.text("/created_at")).isEqualTo(created.text("/updated_at"));
        var commands = topics.commandsFor(sessionId);
        assertThat(commands).singleElement().isInstanceOfSatisfying(SessionCommand.class, command -> {
            assertThat(command.getSessionId()).isEqualTo(sessionId);
            assertThat(command.getOrganizationId()).isEqualTo(organizationOf(key));
            assertThat(command.getCommandId()).startsWith("cmd_");
            assertThat(command.getAction()).isInstanceOf(ConnectSession.class);
        });
    }

    @Test
    void aSessionCanBeCreatedWithoutABody() {
        // When
        var created = api.post("/v1/sessions", ADMIN_KEY, null);

        // Then
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("name").isNull()).isTrue();
    }

    @Test
    void aStatusEventFromSessionServiceShowsInTheSession() {
        // Given
        String key = newOrganizationKey("Projected");
        String sessionId = newSession(key);

        // When
        topics.publishEvent(Events.statusChanged(
                sessionId, organizationOf(key), SessionStatus.CONNECTED, "scanned", "5511999999999", Instant.now()));

        // Then
        await().atMost(PATIENCE).until(() -> api.get("/v1/sessions/" + sessionId, key)
                .text("/status")
                .equals("connected"));
        var session = api.get("/v1/sessions/" + sessionId, key);
        assertThat(session.text("/status_reason")).isEqualTo("scanned");
        assertThat(session.text("/phone_number")).isEqualTo("5511999999999");
    }

    @Test
    void anEventOlderThanTheLastAppliedDoesNotOverwriteIt() {
        // Given
        String key = newOrganizationKey("Ordered");
        String org = organizationOf(key);
        String sessionId = newSession(key);
        Instant later = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        topics.publishEvent(Events.statusChanged(sessionId, org, SessionStatus.CONNECTED, null, "551188887777", later));
        await().atMost(PATIENCE).until(() -> api.get("/v1/sessions/" + sessionId, key)
                .text("/status")
                .equals("connected"));

        // When: a stale event, then a marker proving the stale one was consumed
        topics.publishEvent(Events.statusChanged(sessionId, org, SessionStatus.QR, null, null, later.minusSeconds(5)));
        topics.publishEvent(Events.statusChanged(
                sessionId, org, SessionStatus.DISCONNECTED, "connection_lost", null, later.plusSeconds(1)));

        // Then
        await().atMost(PATIENCE).until(() -> api.get("/v1/sessions/" + sessionId, key)
                .text("/status")
                .equals("disconnected"));
        assertThat(api.get("/v1/sessions/" + sessionId, key).text("/phone_number"))
                .isEqualTo("551188887777");
    }

    @Test
    void anUndecodableEventIsSkippedAndTheEventsAfterItStillApply() {
        // Given
        String key = newOrganizationKey("Resilient");
        String sessionId = newSession(key);

        // When
        topics.publishEventBytes(sessionId, "not avro".getBytes(StandardCharsets.UTF_8));
        topics.publishEvent(Events.statusChanged(
                sessionId, organizationOf(key), SessionStatus.CONNECTING, null, null, Instant.now()));

        // Then
        await().atMost(PATIENCE).until(() -> api.get("/v1/sessions/" + sessionId, key)
                .text("/status")
                .equals("connecting"));
    }

    @Test
    void theQrIsServedOnlyWhileTheSessionWaitsForAScan() {
        // Given
        String key = newOrganizationKey("Pairing");
        String org = organizationOf(key);
        String sessionId = newSession(key);
        String qrPath = "/v1/sessions/" + sessionId + "/qr";

        // Then: nothing to scan yet
        var early = api.get(qrPath, key);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.errorCode()).isEqualTo("qr_not_available");
        assertThat(early.text("/error/details/status")).isEqualTo("pending");

        // When
        Instant expiresAt = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        topics.publishEvent(Events.statusChanged(sessionId, org, SessionStatus.QR, null, null, Instant.now()));
        topics.publishEvent(Events.qrUpdated(sessionId, org, "2@abc,def,ghi", expiresAt, 2));

        // Then
        await().atMost(PATIENCE).until(() -> api.get(qrPath, key).status() == 200);
        var qr = api.get(qrPath, key);
        assertThat(qr.text("/qr")).isEqualTo("2@abc,def,ghi");
        assertThat(Instant.parse(qr.text("/expires_at"))).isEqualTo(expiresAt);
        assertThat(qr.body().get("rotation").asInt()).isEqualTo(2);

        // When
        topics.publishEvent(Events.statusChanged(
                sessionId, org, SessionStatus.CONNECTED, "scanned", "5511999999999", Instant.now()));

        // Then
        await().atMost(PATIENCE).until(() -> api.get(qrPath, key).status() == 409);
        assertThat(api.get(qrPath, key).text("/error/details/status")).isEqualTo("connected");
    }

    @Test
    void anExpiredQrIsNotServed() {
        // Given
        String key = newOrganizationKey("Slow scanner");
        String org = organizationOf(key);
        String sessionId = newSession(key);
        topics.publishEvent(
                Events.qrUpdated(sessionId, org, "2@old", Instant.now().minusSeconds(1), 1));
        topics.publishEvent(Events.statusChanged(sessionId, org, SessionStatus.QR, null, null, Instant.now()));
        await().atMost(PATIENCE).until(() -> api.get("/v1/sessions/" + sessionId, key)
                .text("/status")
                .equals("qr"));

        // When
        var reply = api.get("/v1/sessions/" + sessionId + "/qr", key);

        // Then
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.text("/error/details/status")).isEqualTo("qr");
    }

    @Test
    void sessionsAreListedNewestFirstAndCanBeFilteredByStatus() {
        // Given
        String key = newOrganizationKey("Lister");
        String first = newSession(key);
        String second = newSession(key);
        topics.publishEvent(
                Events.statusChanged(first, organizationOf(key), SessionStatus.CONNECTED, null, null, Instant.now()));
        await().atMost(PATIENCE)
                .until(() ->
                        api.get("/v1/sessions/" + first, key).text("/status").equals("connected"));

        // When
        var all = api.get("/v1/sessions", key);
        var connected = api.get("/v1/sessions?status=connected", key);
        var badFilter = api.get("/v1/sessions?status=sleeping", key);

        // Then
        assertThat(all.body().at("/data").findValuesAsText("id")).containsExactly(second, first);
        assertThat(connected.body().at("/data").findValuesAsText("id")).containsExactly(first);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.errorCode()).isEqualTo("validation_error");
        assertThat(badFilter.text("/error/details/field")).isEqualTo("status");
    }

    @Test
    void bannedAndReplacedSessionsShowTheirStatusAndReasonAndCanBeFiltered() {
        // Given
        String key = newOrganizationKey("Unlucky numbers");
        String org = organizationOf(key);
        String banned = newSession(key);
        String replaced = newSession(key);

        // When
        topics.publishEvent(
                Events.statusChanged(banned, org, SessionStatus.BANNED, "temporary_ban", null, Instant.now()));
        topics.publishEvent(
                Events.statusChanged(replaced, org, SessionStatus.REPLACED, "stream_replaced", null, Instant.now()));

        // Then
        await().atMost(PATIENCE)
                .until(() ->
                        api.get("/v1/sessions/" + replaced, key).text("/status").equals("replaced"));
        await().atMost(PATIENCE)
                .until(() ->
                        api.get("/v1/sessions/" + banned, key).text("/status").equals("banned"));
        assertThat(api.get("/v1/sessions/" + banned, key).text("/status_reason"))
                .isEqualTo("temporary_ban");
        assertThat(api.get("/v1/sessions?status=banned", key).body().at("/data").findValuesAsText("id"))
                .containsExactly(banned);
        assertThat(api.get("/v1/sessions?status=replaced", key)
                        .body()
                        .at("/data")
                        .findValuesAsText("id"))
                .containsExactly(replaced);
    }

    @Test
    void anotherOrganizationCannotSeeASessionAtAll() {
        // Given
        String orgAKey = newOrganizationKey("Owner");
        String orgBKey = newOrganizationKey("Outsider");
        String sessionId = newSession(orgAKey);

        // When
        var get = api.get("/v1/sessions/" + sessionId, orgBKey);
        var qr = api.get("/v1/sessions/" + sessionId + "/qr", orgBKey);
        var list = api.get("/v1/sessions", orgBKey);

        // Then
        assertThat(get.status()).isEqualTo(404);
        assertThat(get.errorCode()).isEqualTo("not_found");
        assertThat(qr.status()).isEqualTo(404);
        assertThat(list.body().at("/data").findValuesAsText("id")).doesNotContain(sessionId);
        assertThat(api.get("/v1/sessions/sess_unknown", orgAKey).status()).isEqualTo(404);
    }

    @Test
    void aSessionNameLongerThan200CharactersIsRefused() {
        // When
        var reply = api.post("/v1/sessions", ADMIN_KEY, Map.of("name", "n".repeat(201)));

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("/error/details/field")).isEqualTo("name");
    }
}
