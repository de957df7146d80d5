package io.wagate.session.runtime;

import io.wagate.session.SessionRef;
import io.wagate.session.SessionStatus;

/** The session's queue of messages to send, as its runner works through it (ADR 0007). */
public interface Outbox {

    /**
     * Sends the session's queued messages in order, each settled before the next; returns when none
     * is left or the runner stops taking work. Called on the runner's send lane only.
     */
    void sendQueued(SessionRunner runner);

    /**
     * Fails every message still queued for a session that ended for good ({@code why}: logged out,
     * banned, replaced, deleted), for the owner holding {@code epoch}.
     */
    void failQueued(SessionRef session, long epoch, SessionStatus why);
}
