package io.wagate.session.messages;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code wagate.messages.*}: how long the message index remembers a message.
 *
 * @param keyRetention how long after it was sent a message stays in {@code message_keys}, so later
 *     messages can quote it, react to it, edit or delete it. At least {@link #LONGEST_WINDOW}: WhatsApp
 *     lets a message be deleted for everyone for 48 hours, and a target the index forgot sooner could
 *     be mistaken for one of our texts from before the index existed (ADR 0008).
 * @param keyCleanupInterval how often older rows are deleted
 */
@ConfigurationProperties("wagate.messages")
public record MessageKeySettings(
        @Bindable(defaultValue = "30d") @Nullable Duration keyRetention,
        @Bindable(defaultValue = "1h") @Nullable Duration keyCleanupInterval) {

    /** WhatsApp's longest window on an earlier message: deleting it for everyone. */
    static final Duration LONGEST_WINDOW = Duration.ofHours(48);

    public MessageKeySettings {
        keyRetention = keyRetention == null ? Duration.ofDays(30) : keyRetention;
        keyCleanupInterval = keyCleanupInterval == null ? Duration.ofHours(1) : keyCleanupInterval;
        if (keyRetention.compareTo(LONGEST_WINDOW) < 0) {
            throw new IllegalArgumentException("wagate.messages.key-retention must be at least "
                    + LONGEST_WINDOW.toHours() + "h, was " + keyRetention);
        }
        if (keyCleanupInterval.isNegative() || keyCleanupInterval.isZero()) {
            throw new IllegalArgumentException(
                    "wagate.messages.key-cleanup-interval must be positive, was " + keyCleanupInterval);
        }
    }
}
