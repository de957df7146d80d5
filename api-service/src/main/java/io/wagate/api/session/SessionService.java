package io.wagate.api.session;

import io.micronaut.core.annotation.Nullable;
import io.wagate.api.Ids;
import io.wagate.api.auth.Caller;
import io.wagate.api.command.CommandPublisher;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

@Singleton
public class SessionService {

    private final SessionRepository sessions;
    private final CommandPublisher commands;
    private final QrStore qrCodes;
    private final Clock clock = Clock.systemUTC();

    SessionService(SessionRepository sessions, CommandPublisher commands, QrStore qrCodes) {
        this.sessions = sessions;
        this.commands = commands;
        this.qrCodes = qrCodes;
    }

    /**
     * Stores a pending session and queues its ConnectSession command. When Kafka does not take the
     * command, the session is removed again and a DeleteSession is queued behind the connect (same
     * key, same producer, so in order), in case the connect lands after all.
     */
    public Session create(Caller caller, @Nullable String name) {
        Instant now = now();
        Session session = sessions.save(new Session(
                Ids.session(), caller.organizationId(), name, SessionStatus.PENDING, null, null, now, now, null));
        try {
            commands.publish(session.id(), SessionCommandMapper.connect(session, now));
        } catch (ApiException e) {
            sessions.deleteById(session.id());
            commands.publishWithoutWaiting(session.id(), SessionCommandMapper.delete(session, now()));
            throw e;
        }
        return session;
    }

    public List<Session> list(Caller caller, @Nullable SessionStatus status) {
        return status == null
                ? sessions.findNewestFirst(caller.organizationId())
                : sessions.findNewestFirstWithStatus(caller.organizationId(), status);
    }

    /** The caller's session; another organization's, or a deleted one, is as unknown as a missing one. */
    public Session get(Caller caller, String sessionId) {
        return sessions.findByIdAndOrganizationId(sessionId, caller.organizationId())
                .filter(session -> session.status() != SessionStatus.DELETED)
                .orElseThrow(() -> new ApiException(new ApiError.NotFound("session not found")));
    }

    /** The caller's session, which must be connected to take a send or a group command. */
    public Session connected(Caller caller, String sessionId) {
        return requireConnected(get(caller, sessionId));
    }

    /** @throws ApiException {@code 409 not_connected} unless the session is connected */
    public static Session requireConnected(Session session) {
        if (session.status() != SessionStatus.CONNECTED) {
            throw new ApiException(new ApiError.NotConnected(session.status().wire()));
        }
        return session;
    }

    /**
     * Queues a lifecycle command once Kafka has it durably. A deletion shows at once: the session
     * answers 404 from then on, whatever session-service still reports about it.
     */
    public Session request(Caller caller, String sessionId, SessionAction action) {
        Session session = get(caller, sessionId);
        Instant now = now();
        commands.publish(session.id(), SessionCommandMapper.of(action, session, now));
        if (action == SessionAction.DELETE) {
            sessions.updateStatus(session.id(), SessionStatus.DELETED, "deleted", null, now, now);
        }
        return sessions.findById(session.id()).orElse(session);
    }

    /** The QR to scan, while the session waits for a scan and WhatsApp's last QR is still valid. */
    public QrCode currentQr(Caller caller, String sessionId) {
        Session session = get(caller, sessionId);
        if (session.status() != SessionStatus.QR) {
            throw new ApiException(new ApiError.QrNotAvailable(session.status().wire()));
        }
        return qrCodes.find(sessionId)
                .orElseThrow(() -> new ApiException(
                        new ApiError.QrNotAvailable(session.status().wire())));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
