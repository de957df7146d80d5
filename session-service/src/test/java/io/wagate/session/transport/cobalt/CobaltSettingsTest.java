package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CobaltSettingsTest {

    @Test
    void defaultsFollowWhatsAppWeb() {
        var settings = CobaltSettings.defaults();

        assertThat(settings.deviceName()).isEqualTo("wagate");
        assertThat(settings.proxy()).isNull();
        assertThat(settings.firstQrLifetime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.qrLifetime()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.sendTimeout()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void nonsenseIsRefusedAtStartup() {
        assertThatThrownBy(() -> new CobaltSettings(
                        null, URI.create("proxy-without-scheme"), null, null, null, null, null, null))
                .hasMessageContaining("wagate.cobalt.proxy");
        assertThatThrownBy(() -> new CobaltSettings(null, null, Duration.ZERO, null, null, null, null, null))
                .hasMessageContaining("first-qr-lifetime");
        assertThatThrownBy(() -> new CobaltSettings(null, null, null, null, null, null, Duration.ofSeconds(-1), null))
                .hasMessageContaining("send-timeout");
    }
}
