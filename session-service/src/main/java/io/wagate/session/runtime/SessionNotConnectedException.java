package io.wagate.session.runtime;

/** A send reached a session that is not connected to WhatsApp (or stopped running meanwhile). */
public final class SessionNotConnectedException extends RuntimeException {

    public SessionNotConnectedException(String sessionId) {
        super("session " + sessionId + " is not connected");
    }
}
