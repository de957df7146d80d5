package io.wagate.session;

/** Where a session stands, as stored and as announced in {@code session.status} events. */
public enum SessionStatus {
    PENDING,
    QR,
    CONNECTING,
    CONNECTED,
    DISCONNECTED,
    LOGGED_OUT,
    BANNED,
    REPLACED,
    DELETED;

    /** Whether this instance keeps a socket for the session when it owns its partition. */
    public boolean isLive() {
        return this != LOGGED_OUT && this != DELETED;
    }
}
