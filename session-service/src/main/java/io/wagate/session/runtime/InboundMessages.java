package io.wagate.session.runtime;

import io.wagate.session.SessionRef;
import io.wagate.session.transport.InboundMessage;

/** Takes the messages that arrive in a session's chats, on the session's own thread, in order. */
public interface InboundMessages {

    void onMessage(SessionRef session, InboundMessage message);
}
