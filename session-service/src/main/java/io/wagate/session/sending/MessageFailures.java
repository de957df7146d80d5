package io.wagate.session.sending;

/** The {@code message.failed} codes this service decides itself (WhatsApp's own come from the transport). */
final class MessageFailures {

    static final String INVALID_MESSAGE = "invalid_message";
    static final String SESSION_NOT_FOUND = "session_not_found";
    static final String SESSION_NOT_CONNECTED = "session_not_connected";

    private MessageFailures() {}
}
