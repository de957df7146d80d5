package io.wagate.session.transport.cobalt;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.time.Duration;

/**
 * {@code wagate.cobalt.*}: how the Cobalt adapter talks to WhatsApp.
 *
 * @param deviceName the name the phone lists this linked device under
 * @param proxy an optional {@code http://} or {@code socks5://} proxy for the socket and media
 * @param firstQrLifetime how long the first QR of a pairing is shown (WhatsApp Web: 60 s)
 * @param qrLifetime how long each later QR is shown (WhatsApp Web: 20 s)
 * @param pairingCodeLifetime how long a pairing code is announced as valid
 * @param restartGrace how long a dropped socket may take to log in again by itself before the drop
 *     is reported (Cobalt reconnects on its own after a restart request, as after pairing)
 * @param sendTimeout how long a send waits for WhatsApp's ack before its outcome is unknown
 * @param requestTimeout how long a lookup, group request, presence or media download may take
 */
@ConfigurationProperties("wagate.cobalt")
public record CobaltSettings(
        @Bindable(defaultValue = "wagate") @Nullable String deviceName,
        @Nullable URI proxy,
        @Bindable(defaultValue = "60s") @Nullable Duration firstQrLifetime,
        @Bindable(defaultValue = "20s") @Nullable Duration qrLifetime,
        @Bindable(defaultValue = "180s") @Nullable Duration pairingCodeLifetime,
        @Bindable(defaultValue = "20s") @Nullable Duration restartGrace,
        @Bindable(defaultValue = "90s") @Nullable Duration sendTimeout,
        @Bindable(defaultValue = "60s") @Nullable Duration requestTimeout) {

    public CobaltSettings {
        deviceName = deviceName == null || deviceName.isBlank() ? "wagate" : deviceName;
        if (proxy != null && (proxy.getScheme() == null || proxy.getHost() == null)) {
            throw new IllegalArgumentException("wagate.cobalt.proxy must be a URI like http://host:port, was " + proxy);
        }
        firstQrLifetime = positive("first-qr-lifetime", firstQrLifetime, Duration.ofSeconds(60));
        qrLifetime = positive("qr-lifetime", qrLifetime, Duration.ofSeconds(20));
        pairingCodeLifetime = positive("pairing-code-lifetime", pairingCodeLifetime, Duration.ofSeconds(180));
        restartGrace = positive("restart-grace", restartGrace, Duration.ofSeconds(20));
        sendTimeout = positive("send-timeout", sendTimeout, Duration.ofSeconds(90));
        requestTimeout = positive("request-timeout", requestTimeout, Duration.ofSeconds(60));
    }

    public static CobaltSettings defaults() {
        return new CobaltSettings(null, null, null, null, null, null, null, null);
    }

    private static Duration positive(String name, @Nullable Duration value, Duration fallback) {
        Duration duration = value == null ? fallback : value;
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("wagate.cobalt." + name + " must be positive, was " + duration);
        }
        return duration;
    }
}
