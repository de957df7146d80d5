package io.wagate.session.runtime;

import io.wagate.session.SessionRef;
import io.wagate.session.SessionStatus;
import io.wagate.session.events.EventPublisher;
import io.wagate.session.events.SessionEvent;
import io.wagate.session.store.SessionRepository;
import io.wagate.session.store.SessionRow;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the lifecycle commands. Each returns once its effect is durable, so the command's
 * offset can be committed; replaying one is harmless.
 */
@Singleton
public class SessionLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SessionLifecycle.class);

    private final SessionRepository sessions;
    private final SessionRegistry registry;
    private final EventPublisher events;
    private final SessionSettings settings;

    SessionLifecycle(
            SessionRepository sessions, SessionRegistry registry, EventPublisher events, SessionSettings settings) {
        this.sessions = sessions;
        this.registry = registry;
        this.events = events;
        this.settings = settings;
    }

    /** Records the session if new and runs it; pairs by QR when it has no credentials. */
    public void connect(SessionRef session, int partition) {
        Optional<SessionRow> row = recorded(session);
        if (row.isPresent() && row.get().status() == SessionStatus.DELETED) {
            LOG.warn("{}: connect ignored, the session was deleted", session.sessionId());
            return;
        }
        if (row.isEmpty()) {
            sessions.insertIfAbsent(session.sessionId(), session.organizationId(), partition);
        } else if (row.get().partition() != partition) {
            sessions.updatePartition(session.sessionId(), partition);
        }
        OpenReason reason = row.isEmpty()
                ? OpenReason.CREATED
                : row.get().status().isLive() ? OpenReason.RESUMED : OpenReason.REQUESTED;
        await(registry.start(session, partition, reason));
    }

    /** Closes and reopens the session's socket with the same credentials. */
    public void restart(SessionRef session, int partition) {
        Optional<SessionRunner> runner = registry.find(session.sessionId());
        if (runner.isPresent()) {
            await(runner.get().restart());
            return;
        }
        Optional<SessionRow> row = recorded(session);
        if (row.isPresent() && row.get().status().isLive()) {
            await(registry.start(session, partition, OpenReason.RESTARTED));
        } else {
            LOG.warn("{}: restart ignored, the session is not running", session.sessionId());
        }
    }

    /** Unlinks the device and forgets its credentials; a later connect pairs anew. */
    public void logout(SessionRef session) {
        end(session, SessionStatus.LOGGED_OUT, "logged_out");
    }

    /** Logs out if linked and marks the session deleted, for good. */
    public void delete(SessionRef session, int partition) {
        if (recorded(session).isEmpty()) {
            sessions.markDeleted(session.sessionId(), session.organizationId(), partition);
            events.publish(session, new SessionEvent.StatusChanged(SessionStatus.DELETED, "deleted", null));
            return;
        }
        end(session, SessionStatus.DELETED, "deleted");
    }

    private void end(SessionRef session, SessionStatus finalStatus, String reason) {
        Optional<SessionRunner> runner = registry.find(session.sessionId());
        if (runner.isPresent()) {
            try {
                await(runner.get().end(finalStatus, reason));
                return;
            } catch (SessionNotConnectedException stoppedMeanwhile) {
                // it ended by itself (logged out from the phone): finish from the stored state below
            }
        }
        Optional<SessionRow> row = recorded(session);
        if (row.isEmpty() || row.get().status() == SessionStatus.DELETED && finalStatus != SessionStatus.DELETED) {
            return;
        }
        // Not running: finished from the stored state. Finished already: announced again, in case a
        // crash or a broker failure swallowed the first announcement.
        sessions.endLink(session.sessionId(), finalStatus.name());
        events.publish(
                session,
                new SessionEvent.StatusChanged(finalStatus, reason, row.get().phoneNumber()));
    }

    /**
     * The stored session.
     *
     * @throws OrganizationMismatchException when it belongs to another organization than the command says
     */
    private Optional<SessionRow> recorded(SessionRef session) {
        Optional<SessionRow> row = sessions.findById(session.sessionId());
        if (row.isPresent() && !row.get().organizationId().equals(session.organizationId())) {
            throw new OrganizationMismatchException(session.sessionId());
        }
        return row;
    }

    private void await(CompletableFuture<Void> step) {
        try {
            step.get(settings.stepTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("session step did not finish within " + settings.stepTimeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
