package io.wagate.api.message;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a message is; each outbound status may only follow one of lower rank, and {@code failed} is
 * final. {@code received} is the one status of an inbound message.
 */
public enum MessageStatus {
    QUEUED(0),
    SENT(1),
    DELIVERED(2),
    READ(3),
    PLAYED(4),
    FAILED(5),
    RECEIVED(6);

    private final int rank;

    MessageStatus(int rank) {
        this.rank = rank;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MessageStatus> fromWire(String value) {
        try {
            return Optional.of(valueOf(value.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a message now in this status moves on to {@code next}; receipts can arrive out of order. */
    public boolean movesTo(MessageStatus next) {
        return this != FAILED && this != RECEIVED && next != RECEIVED && next.rank > rank;
    }
}
