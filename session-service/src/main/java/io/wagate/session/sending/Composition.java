package io.wagate.session.sending;

import io.wagate.session.events.SessionEvent.Failure;
import io.wagate.session.transport.OutboundMessage;
import java.time.Duration;

/** What {@link MessageComposer} made of a send request. */
public sealed interface Composition {

    /**
     * Ready for the socket. {@code typing} is how long to show "typing..." in the chat first (the
     * request's delay; zero for none).
     */
    record Ready(OutboundMessage message, Duration typing) implements Composition {}

    /** The request cannot be sent; the failure is what the message's {@code message.failed} says. */
    record Refused(Failure failure) implements Composition {}
}
