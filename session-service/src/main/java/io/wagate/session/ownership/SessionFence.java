package io.wagate.session.ownership;

import io.micronaut.transaction.annotation.Transactional;
import io.wagate.session.store.SessionRepository;
import jakarta.inject.Singleton;

/**
 * The ownership epoch of each session, kept in PostgreSQL. Kafka's group protocol decides who should
 * own a session, but a paused or partitioned instance can still act until it notices: the epoch is
 * what makes its writes and sends fail, so two instances never drive one WhatsApp session at once.
 */
@Singleton
public class SessionFence {

    private final SessionRepository sessions;

    SessionFence(SessionRepository sessions) {
        this.sessions = sessions;
    }

    /** Takes the session over: every holder of an older epoch is fenced from now on. */
    @Transactional
    public long claim(String sessionId) {
        if (sessions.advanceEpoch(sessionId) == 0) {
            throw new IllegalStateException("session " + sessionId + " is not recorded");
        }
        return sessions.epochOf(sessionId);
    }

    /** Whether {@code epoch} is still the session's newest. */
    public boolean holds(String sessionId, long epoch) {
        return sessions.countOwned(sessionId, epoch) == 1;
    }
}
