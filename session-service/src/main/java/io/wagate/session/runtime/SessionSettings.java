package io.wagate.session.runtime;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code wagate.session.*}.
 *
 * @param sendConnectTimeout how long a send waits for its session to (re)connect before it fails
 *     with {@code session_not_connected}
 * @param sendAckTimeout how long a send waits for WhatsApp's answer; past it the command is retried
 *     with the same WhatsApp message id
 * @param stepTimeout how long a lifecycle command (connect, restart, logout, delete) may take
 * @param qrMaxRotations how many QRs a pairing shows before it gives up ({@code qr_timeout})
 * @param reconnectBackoff the first wait before reconnecting after a dropped socket; it doubles per
 *     failed attempt, with ±20 % jitter
 * @param reconnectMaxBackoff the longest wait between reconnect attempts
 * @param revokeDrainTimeout when this instance gives a session up (partition revoked, shutdown), how
 *     long it waits for the message in flight to be settled before it closes the socket
 * @param sendAttempts how many times a message whose outcome stays unknown (no ack in time, socket
 *     gone after the hand-over) or whose composing is deferred is tried, under the same WhatsApp id,
 *     before it fails
 */
@ConfigurationProperties("wagate.session")
public record SessionSettings(
        @Bindable(defaultValue = "30s") @Nullable Duration sendConnectTimeout,
        @Bindable(defaultValue = "60s") @Nullable Duration sendAckTimeout,
        @Bindable(defaultValue = "30s") @Nullable Duration stepTimeout,
        @Bindable(defaultValue = "6") @Nullable Integer qrMaxRotations,
        @Bindable(defaultValue = "1s") @Nullable Duration reconnectBackoff,
        @Bindable(defaultValue = "60s") @Nullable Duration reconnectMaxBackoff,
        @Bindable(defaultValue = "10s") @Nullable Duration revokeDrainTimeout,
        @Bindable(defaultValue = "5") @Nullable Integer sendAttempts) {

    public SessionSettings {
        qrMaxRotations = qrMaxRotations == null ? 6 : qrMaxRotations;
        if (qrMaxRotations < 1) {
            throw new IllegalArgumentException("wagate.session.qr-max-rotations must be at least 1");
        }
        sendAttempts = sendAttempts == null ? 5 : sendAttempts;
        if (sendAttempts < 1) {
            throw new IllegalArgumentException("wagate.session.send-attempts must be at least 1");
        }
        revokeDrainTimeout = revokeDrainTimeout == null ? Duration.ofSeconds(10) : revokeDrainTimeout;
        if (revokeDrainTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "wagate.session.revoke-drain-timeout must not be negative, was " + revokeDrainTimeout);
        }
        reconnectBackoff = positive("reconnect-backoff", reconnectBackoff, Duration.ofSeconds(1));
        reconnectMaxBackoff = positive("reconnect-max-backoff", reconnectMaxBackoff, Duration.ofSeconds(60));
        sendConnectTimeout = positive("send-connect-timeout", sendConnectTimeout, Duration.ofSeconds(30));
        sendAckTimeout = positive("send-ack-timeout", sendAckTimeout, Duration.ofSeconds(60));
        stepTimeout = positive("step-timeout", stepTimeout, Duration.ofSeconds(30));
    }

    public static SessionSettings defaults() {
        return new SessionSettings(null, null, null, null, null, null, null, null);
    }

    /** How long to wait before reconnect attempt {@code attempt} (1, 2, ...), jitter included. */
    public Duration reconnectDelay(int attempt, double jitter) {
        long base = reconnectBackoff.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, reconnectMaxBackoff.toMillis());
        return Duration.ofMillis(Math.round(capped * (1 + 0.2 * (2 * jitter - 1))));
    }

    private static Duration positive(String name, @Nullable Duration value, Duration fallback) {
        Duration duration = value == null ? fallback : value;
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("wagate.session." + name + " must be positive, was " + duration);
        }
        return duration;
    }
}
