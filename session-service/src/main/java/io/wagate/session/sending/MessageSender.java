package io.wagate.session.sending;

import io.wagate.session.MessageStatus;
import io.wagate.session.SessionStatus;
import io.wagate.session.events.SessionEvent.Failure;
import io.wagate.session.runtime.OpenReason;
import io.wagate.session.runtime.SessionNotConnectedException;
import io.wagate.session.runtime.SessionRegistry;
import io.wagate.session.runtime.SessionRunner;
import io.wagate.session.runtime.SessionSettings;
import io.wagate.session.store.OutboundMessageRow;
import io.wagate.session.store.SessionRepository;
import io.wagate.session.store.SessionRow;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.SendOutcome;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Carries out a SendMessage: validates it, waits for its session to be connected, records it, then
 * sends it. Returns once WhatsApp answered and the answer is announced, or the failure is.
 */
@Singleton
public class MessageSender {

    private final OutboundMessages ledger;
    private final SessionRegistry registry;
    private final SessionRepository sessions;
    private final SessionSettings settings;
    private final SendMetrics metrics;
    private final MessageComposer composer;

    MessageSender(
            OutboundMessages ledger,
            SessionRegistry registry,
            SessionRepository sessions,
            SessionSettings settings,
            SendMetrics metrics,
            MessageComposer composer) {
        this.composer = composer;
        this.ledger = ledger;
        this.registry = registry;
        this.sessions = sessions;
        this.settings = settings;
        this.metrics = metrics;
    }

    /**
     * @param partition the commands-topic partition the command came from (ours)
     * @throws SendNotSettledException when the outcome is unknown and the command must be retried
     */
    public void send(SendRequest request, int partition) {
        try (var session = org.slf4j.MDC.putCloseable(
                        "session_id", request.session().sessionId());
                var message = org.slf4j.MDC.putCloseable("message_id", request.messageId())) {
            sendLogged(request, partition);
        }
    }

    private void sendLogged(SendRequest request, int partition) {
        Optional<OutboundMessageRow> recorded = ledger.find(request.messageId());
        if (recorded.isPresent() && recorded.get().status() != MessageStatus.PENDING) {
            // A replay: WhatsApp already answered this one, so it is not sent again.
            ledger.announceAgain(recorded.get());
            return;
        }
        Optional<SessionRunner> runner = runnerFor(request, recorded, partition);
        if (runner.isEmpty()) {
            return;
        }
        if (!runner.get().awaitConnected(settings.sendConnectTimeout())) {
            fail(request, recorded, notConnected("not connected within " + settings.sendConnectTimeout()));
            return;
        }
        String waMessageId = recorded.map(OutboundMessageRow::waMessageId)
                .orElseGet(() -> WhatsAppMessageIds.derive(request.messageId()));
        Composition composition;
        try {
            composition = composer.compose(request, waMessageId, runner.get().liveConnection());
        } catch (SessionNotConnectedException e) {
            fail(request, recorded, notConnected("the session disconnected before the message was sent"));
            return;
        }
        if (composition instanceof Composition.Refused refused) {
            fail(request, recorded, refused.failure());
            return;
        }
        OutboundMessage message = ((Composition.Ready) composition).message();
        OutboundMessageRow row = recorded.orElseGet(
                () -> ledger.recordPending(request, message.to().toString(), waMessageId));
        long handedOver = System.nanoTime();
        try {
            runner.get()
                    .send(message, outcome -> {
                        metrics.acked(Duration.ofNanos(System.nanoTime() - handedOver));
                        metrics.outcome(
                                switch (outcome) {
                                    case SendOutcome.Acked ignored -> "acked";
                                    case SendOutcome.Rejected rejected -> "rejected_" + rejected.code();
                                });
                        ledger.settle(row, outcome);
                    })
                    .get(settings.sendAckTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SessionNotConnectedException) {
                ledger.fail(row, notConnected("the session disconnected before the message was sent"));
                return;
            }
            throw new SendNotSettledException(request.messageId(), e.getCause());
        } catch (TimeoutException e) {
            throw new SendNotSettledException(request.messageId(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendNotSettledException(request.messageId(), e);
        }
    }

    /**
     * The running session to send from, started if it is ours but not running (its resume may have
     * failed); empty, with the failure announced, when there is none.
     */
    private Optional<SessionRunner> runnerFor(
            SendRequest request, Optional<OutboundMessageRow> recorded, int partition) {
        String sessionId = request.session().sessionId();
        Optional<SessionRunner> running =
                registry.find(sessionId).filter(runner -> runner.session().equals(request.session()));
        if (running.isPresent()) {
            return running;
        }
        Optional<SessionRow> row = sessions.findById(sessionId)
                .filter(found -> found.organizationId().equals(request.session().organizationId()))
                .filter(found -> found.status() != SessionStatus.DELETED);
        if (row.isEmpty()) {
            fail(request, recorded, new Failure(MessageFailures.SESSION_NOT_FOUND, "no session " + sessionId));
            return Optional.empty();
        }
        if (!row.get().status().isLive()) {
            fail(
                    request,
                    recorded,
                    notConnected("the session is " + row.get().status().name().toLowerCase(Locale.ROOT)));
            return Optional.empty();
        }
        registry.start(request.session(), partition, OpenReason.RESUMED);
        return registry.find(sessionId);
    }

    private void fail(SendRequest request, Optional<OutboundMessageRow> recorded, Failure failure) {
        if (recorded.isPresent()) {
            ledger.fail(recorded.get(), failure);
            return;
        }
        String recipient = Jid.parse(request.to()).map(Jid::toString).orElse(request.to());
        ledger.failBeforeSending(request, recipient, failure);
    }

    private static Failure notConnected(String why) {
        return new Failure(MessageFailures.SESSION_NOT_CONNECTED, why);
    }
}
