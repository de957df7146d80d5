package io.wagate.session;

/** How far an outbound message got, in the order WhatsApp reports it; FAILED ends it. */
public enum MessageStatus {
    /** Recorded, handed to WhatsApp, no answer yet. */
    PENDING,
    SENT,
    DELIVERED,
    READ,
    PLAYED,
    FAILED;

    /** Whether a receipt moving a message from this status to {@code next} moves it forward. */
    public boolean canAdvanceTo(MessageStatus next) {
        return this != FAILED && next != FAILED && next.ordinal() > ordinal();
    }
}
