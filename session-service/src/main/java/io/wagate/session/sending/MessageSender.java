package io.wagate.session.sending;

import io.wagate.session.MessageStatus;
import io.wagate.session.Placement;
import io.wagate.session.SessionStatus;
import io.wagate.session.events.SessionEvent.Failure;
import io.wagate.session.runtime.OpenReason;
import io.wagate.session.runtime.SessionRegistry;
import io.wagate.session.runtime.SessionRunner;
import io.wagate.session.runtime.SessionSettings;
import io.wagate.session.store.OutboundMessageRow;
import io.wagate.session.store.SessionRepository;
import io.wagate.session.store.SessionRow;
import io.wagate.session.transport.Jid;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.MDC;

/**
 * Takes a SendMessage off the commands topic: checks that its session can send, records the
 * message as pending with the WhatsApp id derived from its id, queues it, and hands it to the
 * session's runner, which sends it in turn ({@link QueuedMessageSender}). Returns once the message
 * is queued (or its failure announced), so the command's offset can be committed without waiting
 * for WhatsApp: a slow session holds up nobody else (ADR 0007).
 */
@Singleton
public class MessageSender {

    private final OutboundMessages ledger;
    private final SessionRegistry registry;
    private final SessionRepository sessions;
    private final SessionSettings settings;

    MessageSender(
            OutboundMessages ledger, SessionRegistry registry, SessionRepository sessions, SessionSettings settings) {
        this.ledger = ledger;
        this.registry = registry;
        this.sessions = sessions;
        this.settings = settings;
    }

    /**
     * @param encoded the SendMessage as it arrived, queued as such
     * @param placement where it arrived (this instance owns that partition)
     */
    public void accept(SendRequest request, byte[] encoded, Placement placement) {
        try (var session = MDC.putCloseable("session_id", request.session().sessionId());
                var message = MDC.putCloseable("message_id", request.messageId())) {
            Optional<OutboundMessageRow> recorded = ledger.find(request.messageId());
            if (recorded.isPresent() && recorded.get().status() != MessageStatus.PENDING) {
                // A replay: WhatsApp already answered this one, so it is not sent again.
                ledger.announceAgain(recorded.get());
                return;
            }
            if (recorded.isEmpty() && !sendable(request)) {
                return;
            }
            ledger.enqueue(request, encoded, recipientOf(request), WhatsAppMessageIds.derive(request.messageId()));
            runnerFor(request, placement).ifPresent(SessionRunner::wakeSender);
        }
    }

    /** Whether the message's session may send; if not, the message's failure is announced. */
    private boolean sendable(SendRequest request) {
        String sessionId = request.session().sessionId();
        Optional<SessionRow> row = sessions.findById(sessionId)
                .filter(found -> found.organizationId().equals(request.session().organizationId()))
                .filter(found -> found.status() != SessionStatus.DELETED);
        if (row.isEmpty()) {
            fail(request, new Failure(MessageFailures.SESSION_NOT_FOUND, "no session " + sessionId));
            return false;
        }
        if (!row.get().status().isLive()) {
            fail(
                    request,
                    new Failure(
                            MessageFailures.SESSION_NOT_CONNECTED,
                            "the session is " + row.get().status().name().toLowerCase(Locale.ROOT)));
            return false;
        }
        return true;
    }

    /** The running session, started here if it is ours but not running (its resume may have failed). */
    private Optional<SessionRunner> runnerFor(SendRequest request, Placement placement) {
        String sessionId = request.session().sessionId();
        Optional<SessionRunner> running =
                registry.find(sessionId).filter(runner -> runner.session().equals(request.session()));
        if (running.isPresent()) {
            return running;
        }
        Optional<SessionRow> row = sessions.findById(sessionId);
        if (row.isEmpty() || !row.get().status().isLive()) {
            // Ended since it was queued: whoever ended it failed what it had queued, or will.
            return Optional.empty();
        }
        sessions.moveTo(row.get(), placement);
        try {
            // Started from the queue: the runner sends what it finds there once connected.
            registry.start(request.session(), OpenReason.RESUMED)
                    .get(settings.stepTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // The message stays queued; the command is tried again, which starts the session again.
            throw new IllegalStateException("session " + sessionId + " could not start: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return registry.find(sessionId);
    }

    private void fail(SendRequest request, Failure failure) {
        ledger.failBeforeSending(request, recipientOf(request), failure);
    }

    private static String recipientOf(SendRequest request) {
        return Jid.parse(request.to()).map(Jid::toString).orElse(request.to());
    }
}
