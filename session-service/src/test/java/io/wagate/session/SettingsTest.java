package io.wagate.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.session.runtime.SessionSettings;
import io.wagate.session.transport.simulator.SimulatorSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void theSimulatorDefaultsAreCloseToWhatsApp() {
        var defaults = SimulatorSettings.defaults();
        assertThat(defaults.scanDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(defaults.qrRotation()).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.serverAckDelay()).isEqualTo(Duration.ofMillis(50));
        assertThat(defaults.deliveryDelay()).isEqualTo(Duration.ofMillis(300));
        assertThat(defaults.readDelay()).isEqualTo(Duration.ofMillis(700));
    }

    @Test
    void aNegativeSimulatorDelayOrAZeroQrRotationIsRefused() {
        assertThatThrownBy(() -> new SimulatorSettings(Duration.ofSeconds(-1), null, null, null, null))
                .hasMessageContaining("scan-delay");
        assertThatThrownBy(() -> new SimulatorSettings(null, Duration.ZERO, null, null, null))
                .hasMessageContaining("qr-rotation");
    }

    @Test
    void reconnectWaitsDoubleFromTheFirstUpToTheCapWithinTwentyPercent() {
        var settings =
                new SessionSettings(null, null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(10), null, null);

        assertThat(settings.reconnectDelay(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.reconnectDelay(3, 0.5)).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.reconnectDelay(9, 0.5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.reconnectDelay(2, 0.0)).isEqualTo(Duration.ofMillis(1600));
        assertThat(settings.reconnectDelay(2, 1.0)).isEqualTo(Duration.ofMillis(2400));
        assertThat(settings.reconnectDelay(60, 1.0)).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void aPairingGivesUpAfterSixQrsByDefault() {
        assertThat(SessionSettings.defaults().qrMaxRotations()).isEqualTo(6);
        assertThatThrownBy(() -> new SessionSettings(null, null, null, 0, null, null, null, null))
                .hasMessageContaining("qr-max-rotations");
    }

    @Test
    void aSendWaitsThirtySecondsForItsSessionToConnectByDefault() {
        assertThat(SessionSettings.defaults().sendConnectTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> new SessionSettings(Duration.ZERO, null, null, null, null, null, null, null))
                .hasMessageContaining("send-connect-timeout");
    }

    @Test
    void aRevokedSessionWaitsTenSecondsForItsMessageInFlightAndAMessageIsTriedFiveTimesByDefault() {
        assertThat(SessionSettings.defaults().revokeDrainTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(SessionSettings.defaults().sendAttempts()).isEqualTo(5);
        assertThatThrownBy(() -> new SessionSettings(null, null, null, null, null, null, null, 0))
                .hasMessageContaining("send-attempts");
        assertThatThrownBy(() -> new SessionSettings(null, null, null, null, null, null, Duration.ofSeconds(-1), null))
                .hasMessageContaining("revoke-drain-timeout");
    }
}
