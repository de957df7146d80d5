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
 */
@ConfigurationProperties("wagate.session")
public record SessionSettings(
        @Bindable(defaultValue = "30s") @Nullable Duration sendConnectTimeout,
        @Bindable(defaultValue = "60s") @Nullable Duration sendAckTimeout,
        @Bindable(defaultValue = "30s") @Nullable Duration stepTimeout) {

    public SessionSettings {
        sendConnectTimeout = positive("send-connect-timeout", sendConnectTimeout, Duration.ofSeconds(30));
        sendAckTimeout = positive("send-ack-timeout", sendAckTimeout, Duration.ofSeconds(60));
        stepTimeout = positive("step-timeout", stepTimeout, Duration.ofSeconds(30));
    }

    public static SessionSettings defaults() {
        return new SessionSettings(null, null, null);
    }

    private static Duration positive(String name, @Nullable Duration value, Duration fallback) {
        Duration duration = value == null ? fallback : value;
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("wagate.session." + name + " must be positive, was " + duration);
        }
        return duration;
    }
}
