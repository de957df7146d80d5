package io.wagate.session.transport.simulator;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code wagate.simulator.*}: how fast the simulated WhatsApp answers. The defaults are close to
 * the real thing; tests shrink them.
 *
 * @param scanDelay when the simulated phone "scans" the first QR of a pairing
 * @param qrRotation how often the QR rotates (WhatsApp: about every 20 s)
 * @param serverAckDelay from a send to the server ack (one grey tick)
 * @param deliveryDelay from the server ack to the delivery receipt
 * @param readDelay from the delivery receipt to the read receipt
 */
@ConfigurationProperties("wagate.simulator")
public record SimulatorSettings(
        @Bindable(defaultValue = "2s") @Nullable Duration scanDelay,
        @Bindable(defaultValue = "20s") @Nullable Duration qrRotation,
        @Bindable(defaultValue = "50ms") @Nullable Duration serverAckDelay,
        @Bindable(defaultValue = "300ms") @Nullable Duration deliveryDelay,
        @Bindable(defaultValue = "700ms") @Nullable Duration readDelay) {

    public SimulatorSettings {
        scanDelay = notNegative("scan-delay", scanDelay, Duration.ofSeconds(2));
        qrRotation = notNegative("qr-rotation", qrRotation, Duration.ofSeconds(20));
        serverAckDelay = notNegative("server-ack-delay", serverAckDelay, Duration.ofMillis(50));
        deliveryDelay = notNegative("delivery-delay", deliveryDelay, Duration.ofMillis(300));
        readDelay = notNegative("read-delay", readDelay, Duration.ofMillis(700));
        if (qrRotation.isZero()) {
            throw new IllegalArgumentException("wagate.simulator.qr-rotation must be positive");
        }
    }

    public static SimulatorSettings defaults() {
        return new SimulatorSettings(null, null, null, null, null);
    }

    private static Duration notNegative(String name, @Nullable Duration value, Duration fallback) {
        Duration duration = value == null ? fallback : value;
        if (duration.isNegative()) {
            throw new IllegalArgumentException("wagate.simulator." + name + " must not be negative, was " + duration);
        }
        return duration;
    }
}
