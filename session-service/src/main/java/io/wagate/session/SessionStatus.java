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

    /**
     * Whether the session runs by itself where its partition is owned. A banned, replaced, logged
     * out or deleted session waits for a command instead: a replaced one because another client
     * took the device over, and reconnecting would only take it back and forth.
     */
    public boolean isLive() {
        return this != LOGGED_OUT && this != DELETED && this != BANNED && this != REPLACED;
    }
}
