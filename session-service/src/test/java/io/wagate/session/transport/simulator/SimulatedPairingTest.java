package io.wagate.session.transport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.session.transport.Pairing;
import io.wagate.session.transport.TransportEvent;
import io.wagate.session.transport.TransportListener;
import io.wagate.session.transport.WhatsAppConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The simulator's pairing by code, and the ends of a link WhatsApp decides: bans and takeovers. */
class SimulatedPairingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    private final SimulatedWhatsApp network = new SimulatedWhatsApp(new SimulatorSettings(
            Duration.ofMillis(150), Duration.ofMillis(40), Duration.ofMillis(5), Duration.ofMillis(10), null));
    private final SimulatorWhatsAppTransport transport = new SimulatorWhatsAppTransport(network);

    @AfterEach
    void stopTheNetwork() {
        network.close();
    }

    @Test
    void aPairingByCodeShowsTheSessionsCodeUntilThePhoneEntersItThenConnectsAsThatPhone() {
        // When
        var device = new Recorder();
        transport.open("sess_code", new Pairing.ByCode("5511987654321"), device);

        // Then
        await().atMost(PATIENCE).until(() -> device.has(TransportEvent.Connected.class));
        List<TransportEvent.PairingCodeIssued> codes = device.all(TransportEvent.PairingCodeIssued.class);
        assertThat(codes).hasSizeGreaterThanOrEqualTo(2);
        assertThat(codes)
                .extracting(TransportEvent.PairingCodeIssued::code)
                .containsOnly(codes.getFirst().code());
        assertThat(codes.getFirst().code()).matches("[1-9A-HJ-NP-TV-Z]{8}");
        assertThat(codes.getFirst().expiresAt()).isAfter(java.time.Instant.now().minusSeconds(5));
        assertThat(device.all(TransportEvent.QrCodeIssued.class)).isEmpty();
        var paired = device.first(TransportEvent.Paired.class);
        assertThat(paired.phoneNumber()).isEqualTo("5511987654321");
        assertThat(device.last()).isEqualTo(new TransportEvent.Connected("5511987654321"));
    }

    @Test
    void aSessionsPairingCodeIsTheSameEveryTimeAndAnotherSessionsDiffers() {
        assertThat(SimulatedPairingCode.of("sess_a")).isEqualTo(SimulatedPairingCode.of("sess_a"));
        assertThat(SimulatedPairingCode.of("sess_a")).isNotEqualTo(SimulatedPairingCode.of("sess_b"));
        assertThat(SimulatedPairingCode.of("sess_a")).hasSize(8).doesNotContain("0", "O", "I", "U");
    }

    @Test
    void aBannedNumberIsLoggedOutAsBannedAndItsCredentialsNeverLogInAgain() {
        // Given
        byte[] credentials = pairedCredentials("sess_banned");
        var device = new Recorder();
        transport.open("sess_banned", new Pairing.Resume(credentials), device);
        await().atMost(PATIENCE).until(() -> device.has(TransportEvent.Connected.class));

        // When
        assertThat(network.ban("sess_banned")).isTrue();

        // Then
        assertThat(device.last()).isEqualTo(new TransportEvent.LoggedOut(TransportEvent.Ending.BANNED, "banned"));
        assertThat(network.isOnline("sess_banned")).isFalse();
        var again = new Recorder();
        transport.open("sess_banned", new Pairing.Resume(credentials), again);
        await().atMost(PATIENCE).until(() -> again.has(TransportEvent.LoggedOut.class));
        assertThat(again.first(TransportEvent.LoggedOut.class).ending()).isEqualTo(TransportEvent.Ending.BANNED);
        assertThat(again.has(TransportEvent.Connected.class)).isFalse();
        assertThat(network.ban("sess_nobody")).isFalse();
    }

    @Test
    void aReplacedSessionIsLoggedOutAsReplacedButItsCredentialsStillLogIn() {
        // Given
        byte[] credentials = pairedCredentials("sess_replaced");
        var device = new Recorder();
        transport.open("sess_replaced", new Pairing.Resume(credentials), device);
        await().atMost(PATIENCE).until(() -> device.has(TransportEvent.Connected.class));

        // When
        assertThat(network.replace("sess_replaced")).isTrue();

        // Then
        assertThat(device.last()).isEqualTo(new TransportEvent.LoggedOut(TransportEvent.Ending.REPLACED, "replaced"));
        var again = new Recorder();
        transport.open("sess_replaced", new Pairing.Resume(credentials), again);
        await().atMost(PATIENCE).until(() -> again.has(TransportEvent.Connected.class));
    }

    @Test
    void aSecondSocketOfTheSameDeviceKicksTheFirstAsReplaced() {
        // Given
        byte[] credentials = pairedCredentials("sess_twice");
        var first = new Recorder();
        transport.open("sess_twice", new Pairing.Resume(credentials), first);
        await().atMost(PATIENCE).until(() -> first.has(TransportEvent.Connected.class));

        // When
        var second = new Recorder();
        transport.open("sess_twice", new Pairing.Resume(credentials), second);

        // Then
        await().atMost(PATIENCE).until(() -> first.has(TransportEvent.LoggedOut.class));
        assertThat(first.last()).isEqualTo(new TransportEvent.LoggedOut(TransportEvent.Ending.REPLACED, "replaced"));
        await().atMost(PATIENCE).until(() -> second.has(TransportEvent.Connected.class));
        assertThat(second.has(TransportEvent.LoggedOut.class)).isFalse();
        assertThat(network.isOnline("sess_twice")).isTrue();
    }

    private byte[] pairedCredentials(String sessionId) {
        var pairing = new Recorder();
        WhatsAppConnection connection = transport.open(sessionId, new Pairing.ByQr(), pairing);
        await().atMost(PATIENCE).until(() -> pairing.has(TransportEvent.Paired.class));
        connection.close();
        return pairing.first(TransportEvent.Paired.class).authState();
    }

    private static final class Recorder implements TransportListener {

        private final List<TransportEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void on(TransportEvent event) {
            events.add(event);
        }

        <T extends TransportEvent> List<T> all(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends TransportEvent> T first(Class<T> type) {
            return all(type).getFirst();
        }

        TransportEvent last() {
            return events.getLast();
        }

        boolean has(Class<? extends TransportEvent> type) {
            return !all(type).isEmpty();
        }
    }
}
