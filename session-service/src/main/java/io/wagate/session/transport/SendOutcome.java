package io.wagate.session.transport;

import java.time.Instant;

/** How WhatsApp answered a send. */
public sealed interface SendOutcome {

    /** The server accepted the message (one grey tick). */
    record Acked(String waMessageId, Instant at) implements SendOutcome {}

    /** The message will never be sent; {@code code} is a stable lower_snake reason such as {@code not_on_whatsapp}. */
    record Rejected(String code, String message) implements SendOutcome {}
}
