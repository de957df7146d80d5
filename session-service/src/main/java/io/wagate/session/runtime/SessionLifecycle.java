package io.wagate.session.runtime;

import io.wagate.session.Placement;
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
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the lifecycle commands. Each returns once its effect is durable, so the command's
 * offset can be committed; replaying one is harmless.
 */
@Singleton
public class SessionLifecycle {

    static final String INVALID_PHONE_NUMBER = "invalid_phone_number";
    static final String ALREADY_LINKED = "already_linked";
    static final String SESSION_NOT_FOUND = "session_not_found";

    private static final Logger LOG = LoggerFactory.getLogger(SessionLifecycle.class);
    // International form without +: a country code never starts with 0, and E.164 allows 15 digits.
    private static final Pattern PHONE_NUMBER = Pattern.compile("[1-9][0-9]{7,14}");

    private final SessionRepository sessions;
    private final SessionRegistry registry;
    private final EventPublisher events;
    private final Outbox outbox;
    private final SessionSettings settings;

    SessionLifecycle(
            SessionRepository sessions,
            SessionRegistry registry,
            EventPublisher events,
            Outbox outbox,
            SessionSettings settings) {
        this.sessions = sessions;
        this.registry = registry;
        this.events = events;
        this.outbox = outbox;
        this.settings = settings;
    }

    /** Records the session if new and runs it; pairs by QR when it has no credentials. */
    public void connect(SessionRef session, Placement placement) {
        Optional<SessionRow> row = recorded(session);
        if (row.isPresent() && row.get().status() == SessionStatus.DELETED) {
            LOG.warn("{}: connect ignored, the session was deleted", session.sessionId());
            return;
        }
        place(session, row, placement);
        OpenReason reason = row.isEmpty()
                ? OpenReason.CREATED
                : row.get().status().isLive() ? OpenReason.RESUMED : OpenReason.REQUESTED;
        await(registry.start(session, reason));
    }

    /**
     * Pairs the session by a code the user types on the phone with {@code phoneNumber}; the code is
     * announced as {@code session.pairing_code}. A malformed number, a linked or a deleted session is
     * answered by {@code command.failed} instead.
     */
    public void requestPairingCode(String commandId, SessionRef session, String phoneNumber, Placement placement) {
        if (phoneNumber == null || !PHONE_NUMBER.matcher(phoneNumber).matches()) {
            fail(
                    commandId,
                    session,
                    INVALID_PHONE_NUMBER,
                    "'" + phoneNumber + "' is not a phone number in"
                            + " international form without + (8 to 15 digits, country code first)");
            return;
        }
        Optional<SessionRow> row = recorded(session);
        if (row.isPresent() && row.get().status() == SessionStatus.DELETED) {
            fail(commandId, session, SESSION_NOT_FOUND, "the session was deleted");
            return;
        }
        if (row.isPresent() && row.get().authState() != null) {
            fail(commandId, session, ALREADY_LINKED, "the session is linked to a phone already; log it out first");
            return;
        }
        place(session, row, placement);
        Optional<SessionRunner> runner = registry.find(session.sessionId());
        if (runner.isPresent()) {
            try {
                await(runner.get().pairByCode(phoneNumber));
                return;
            } catch (SessionNotConnectedException stoppedMeanwhile) {
                // it ended meanwhile: start it afresh below
            }
        }
        await(registry.start(session, row.isEmpty() ? OpenReason.CREATED : OpenReason.REQUESTED, phoneNumber));
    }

    /** Closes and reopens the session's socket with the same credentials. */
    public void restart(SessionRef session) {
        Optional<SessionRunner> runner = registry.find(session.sessionId());
        if (runner.isPresent()) {
            await(runner.get().restart());
            return;
        }
        Optional<SessionRow> row = recorded(session);
        if (row.isPresent() && row.get().status().isLive()) {
            await(registry.start(session, OpenReason.RESTARTED));
        } else {
            LOG.warn("{}: restart ignored, the session is not running", session.sessionId());
        }
    }

    /** Unlinks the device and forgets its credentials; a later connect pairs anew. */
    public void logout(SessionRef session) {
        end(session, SessionStatus.LOGGED_OUT, "logged_out");
    }

    /** Logs out if linked and marks the session deleted, for good. */
    public void delete(SessionRef session, Placement placement) {
        if (recorded(session).isEmpty()) {
            sessions.markDeleted(
                    session.sessionId(), session.organizationId(), placement.partition(), placement.partitionCount());
            events.publish(session, new SessionEvent.StatusChanged(SessionStatus.DELETED, "deleted", null));
            return;
        }
        end(session, SessionStatus.DELETED, "deleted");
    }

    private void end(SessionRef session, SessionStatus finalStatus, String reason) {
        Optional<SessionRunner> runner = registry.find(session.sessionId());
        if (runner.isPresent()) {
            try {
                // Let the message in flight settle first: it may well have reached WhatsApp.
                await(runner.get().stopSending(settings.revokeDrainTimeout()));
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
        outbox.failQueued(session, sessions.epochOf(session.sessionId()), finalStatus);
    }

    /** Records a new session where its commands arrive, or moves a known one there. */
    private void place(SessionRef session, Optional<SessionRow> row, Placement placement) {
        if (row.isEmpty()) {
            sessions.insertIfAbsent(
                    session.sessionId(), session.organizationId(), placement.partition(), placement.partitionCount());
        } else {
            sessions.moveTo(row.get(), placement);
        }
    }

    private void fail(String commandId, SessionRef session, String code, String message) {
        LOG.info("{}: {} failed: {}", session.sessionId(), commandId, code);
        events.publish(session, new SessionEvent.CommandFailed(commandId, code, message));
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
