package io.wagate.api.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiTestBase;
import io.wagate.api.support.Events;
import io.wagate.schemas.v1.ConnectSession;
import io.wagate.schemas.v1.DeleteSession;
import io.wagate.schemas.v1.LogoutSession;
import io.wagate.schemas.v1.RestartSession;
import io.wagate.schemas.v1.SessionCommand;
import io.wagate.schemas.v1.SessionStatus;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class SessionLifecycleIT extends ApiTestBase {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Test
    void connectRestartAndLogoutQueueTheirCommandsInOrder() {
        // Given
        String key = newOrganizationKey("Lifecycle");
        String sessionId = newSession(key);

        // When
        var restarted = api.post("/v1/sessions/" + sessionId + "/restart", key, null);
        var loggedOut = api.post("/v1/sessions/" + sessionId + "/logout", key, null);
        var connected = api.post("/v1/sessions/" + sessionId + "/connect", key, null);

        // Then
        assertThat(restarted.status()).isEqualTo(202);
        assertThat(loggedOut.status()).isEqualTo(202);
        assertThat(connected.status()).isEqualTo(202);
        assertThat(connected.text("/id")).isEqualTo(sessionId);
        await().atMost(PATIENCE).until(() -> topics.commandsFor(sessionId).size() == 4);
        assertThat(topics.commandsFor(sessionId))
                .map(command ->
                        ((SessionCommand) command).getAction().getClass().getSimpleName())
                .containsExactly(
                        ConnectSession.class.getSimpleName(),
                        RestartSession.class.getSimpleName(),
                        LogoutSession.class.getSimpleName(),
                        ConnectSession.class.getSimpleName());
    }

    @Test
    void aDeletedSessionIsGoneFromTheApiAtOnceAndItsDeletionIsQueued() {
        // Given
        String key = newOrganizationKey("Deleter");
        String sessionId = newSession(key);

        // When
        var deleted = api.delete("/v1/sessions/" + sessionId, key);

        // Then
        assertThat(deleted.status()).isEqualTo(202);
        assertThat(deleted.text("/status")).isEqualTo("deleted");
        assertThat(api.get("/v1/sessions/" + sessionId, key).status()).isEqualTo(404);
        assertThat(api.get("/v1/sessions", key).body().get("data")).isEmpty();
        var send = api.post(
                "/v1/sessions/" + sessionId + "/messages",
                key,
                Map.of("to", "5511999999999", "type", "text", "text", "hi"));
        assertThat(send.status()).isEqualTo(404);
        await().atMost(PATIENCE).until(() -> topics.commandsFor(sessionId).stream()
                .anyMatch(c -> ((SessionCommand) c).getAction() instanceof DeleteSession));
    }

    @Test
    void aConnectedEventInFlightDoesNotBringADeletedSessionBack() {
        // Given
        String key = newOrganizationKey("Late events");
        String sessionId = newSession(key);
        Instant beforeTheDeletion = Instant.now();
        api.delete("/v1/sessions/" + sessionId, key);

        // When
        topics.publishEvent(Events.statusChanged(
                sessionId, organizationOf(key), SessionStatus.CONNECTED, "scanned", null, beforeTheDeletion));
        String marker = newSession(key);
        topics.publishEvent(Events.statusChanged(
                marker, organizationOf(key), SessionStatus.CONNECTED, "scanned", null, Instant.now()));
        await().atMost(PATIENCE)
                .until(() ->
                        api.get("/v1/sessions/" + marker, key).text("/status").equals("connected"));

        // Then
        assertThat(api.get("/v1/sessions/" + sessionId, key).status()).isEqualTo(404);
    }

    @Test
    void anotherOrganizationCannotDriveTheSession() {
        // Given
        String owner = newOrganizationKey("Owner");
        String stranger = newOrganizationKey("Stranger");
        String sessionId = newSession(owner);

        // Then
        for (String action : new String[] {"connect", "restart", "logout"}) {
            var reply = api.post("/v1/sessions/" + sessionId + "/" + action, stranger, null);
            assertThat(reply.status()).as(action).isEqualTo(404);
            assertThat(reply.errorCode()).isEqualTo("not_found");
        }
        assertThat(api.delete("/v1/sessions/" + sessionId, stranger).status()).isEqualTo(404);
        assertThat(api.get("/v1/sessions/" + sessionId, owner).text("/status")).isEqualTo("pending");
    }

    @Test
    void theQrCanBeFetchedAsAPngThatScansToTheSameText() throws Exception {
        // Given
        String key = newOrganizationKey("Scanner");
        String org = organizationOf(key);
        String sessionId = newSession(key);
        String qrText = "2@Qm9vdHN0cmFw,bm9pc2U=,aWRlbnRpdHk=,c2VjcmV0";
        topics.publishEvent(Events.statusChanged(sessionId, org, SessionStatus.QR, "qr_ready", null, Instant.now()));
        topics.publishEvent(
                Events.qrUpdated(sessionId, org, qrText, Instant.now().plusSeconds(60), 1));
        await().atMost(PATIENCE)
                .until(() -> api.get("/v1/sessions/" + sessionId + "/qr", key).status() == 200);

        // When
        var png = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.getURI() + "/v1/sessions/" + sessionId + "/qr"))
                                .header("Authorization", "Bearer " + key)
                                .header("Accept", "image/png")
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        // Then
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("content-type")).hasValue("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(png.body()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        var bitmap = new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        assertThat(new QRCodeReader().decode(bitmap).getText()).isEqualTo(qrText);
    }
}
