package io.wagate.session.sending;

import io.wagate.session.events.SessionEvent.Failure;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.WhatsAppConnection;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns a send request into the message the transport sends: resolves the recipient, checks the
 * content against WhatsApp's rules and builds the port's content. Needs the session's live
 * connection for what only WhatsApp knows (which variant of a number exists, a group's members).
 */
@Singleton
public class MessageComposer {

    /** @param waMessageId the id the message goes out under, derived from our message id */
    public Composition compose(SendRequest request, String waMessageId, WhatsAppConnection connection) {
        Optional<Jid> to = Jid.parse(request.to());
        if (to.isEmpty()) {
            return invalid("'" + request.to() + "' is not a WhatsApp number or JID");
        }
        var text = new OutboundMessage.Text(request.text());
        if (!text.withinLimits()) {
            return invalid("a text must have 1 to " + OutboundMessage.MAX_TEXT_LENGTH + " characters");
        }
        return new Composition.Ready(new OutboundMessage(waMessageId, to.get(), text), Duration.ZERO);
    }

    private static Composition invalid(String why) {
        return new Composition.Refused(new Failure(MessageFailures.INVALID_MESSAGE, why));
    }
}
