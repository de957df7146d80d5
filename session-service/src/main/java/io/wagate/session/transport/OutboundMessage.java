package io.wagate.session.transport;

import java.util.Objects;

/**
 * A message to send. {@code waMessageId} is chosen by the caller (derived from our message id) so a
 * resend after a crash carries the same id and WhatsApp keeps one message.
 */
public record OutboundMessage(String waMessageId, Jid to, Content content) {

    /** WhatsApp's limit on a text message, in characters. */
    public static final int MAX_TEXT_LENGTH = 65_536;

    public OutboundMessage {
        Objects.requireNonNull(waMessageId, "waMessageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
    }

    /** What the message carries; media arrives with the media service. */
    public sealed interface Content {}

    public record Text(String body) implements Content {

        public Text {
            Objects.requireNonNull(body, "body");
        }

        /** Whether WhatsApp accepts this text: 1 to {@value #MAX_TEXT_LENGTH} characters (code points). */
        public boolean withinLimits() {
            return !body.isEmpty() && body.codePointCount(0, body.length()) <= MAX_TEXT_LENGTH;
        }
    }
}
