package io.wagate.session.sending;

import io.opentelemetry.api.trace.SpanKind;
import io.wagate.session.MessageStatus;
import io.wagate.session.SessionRef;
import io.wagate.session.SessionStatus;
import io.wagate.session.events.SessionEvent.Failure;
import io.wagate.session.runtime.Outbox;
import io.wagate.session.runtime.SessionNotConnectedException;
import io.wagate.session.runtime.SessionRunner;
import io.wagate.session.runtime.SessionSettings;
import io.wagate.session.store.OutboundMessageRow;
import io.wagate.session.store.QueuedSendRow;
import io.wagate.session.tracing.Traces;
import io.wagate.session.transport.ChatPresence;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.SendOutcome;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Works through a session's send queue on its send lane, one message at a time and each settled
 * before the next (a reaction or an edit may aim at the message before it): wait for the session
 * to be connected, compose the message, take a token from the rate limits, show "typing..." when
 * asked to, hand it to WhatsApp and record and announce the answer. A message whose outcome stays
 * unknown is sent again under the same WhatsApp id, which WhatsApp keeps as one message.
 */
@Singleton
class QueuedMessageSender implements Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedMessageSender.class);
    private static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LONGEST_RETRY_PAUSE = Duration.ofSeconds(30);

    private final OutboundMessages ledger;
    private final MessageComposer composer;
    private final RateLimiter limiter;
    private final SendCommandCodec commands;
    private final SessionSettings settings;
    private final SendMetrics metrics;
    private final Traces traces;

    QueuedMessageSender(
            OutboundMessages ledger,
            MessageComposer composer,
            RateLimiter limiter,
            SendCommandCodec commands,
            SessionSettings settings,
            SendMetrics metrics,
            Traces traces) {
        this.ledger = ledger;
        this.composer = composer;
        this.limiter = limiter;
        this.commands = commands;
        this.settings = settings;
        this.metrics = metrics;
        this.traces = traces;
    }

    @Override
    public void sendQueued(SessionRunner runner) {
        var connectedSeen = new ConnectedSeen(runner.startedAt());
        while (runner.takingWork()) {
            Optional<QueuedSendRow> next = ledger.nextQueued(runner.session().sessionId());
            if (next.isEmpty()) {
                return;
            }
            try (var ignored = MDC.putCloseable("message_id", next.get().messageId())) {
                if (!sendOne(runner, next.get(), connectedSeen)) {
                    return;
                }
            }
        }
    }

    /**
     * When the lane last saw its session connected (or the runner started): a message waits
     * {@code send-connect-timeout} from then, or from when it was queued if later, so a session
     * that stays down fails its whole queue within one timeout, not one timeout per message.
     */
    private static final class ConnectedSeen {

        private Instant at;

        ConnectedSeen(Instant at) {
            this.at = at;
        }
    }

    @Override
    public void failQueued(SessionRef session, long epoch, SessionStatus why) {
        var failure = new Failure(
                MessageFailures.SESSION_NOT_CONNECTED,
                "the session is " + why.name().toLowerCase(Locale.ROOT));
        for (QueuedSendRow queued : ledger.queued(session.sessionId())) {
            Optional<OutboundMessageRow> row = ledger.find(queued.messageId());
            if (row.isEmpty()) {
                continue;
            }
            if (row.get().status() != MessageStatus.PENDING) {
                ledger.finishAnswered(row.get());
            } else if (!ledger.fail(row.get(), failure, epoch, true)) {
                return;
            }
        }
    }

    /** Sends the queue's first message; false when the session stopped taking work meanwhile. */
    private boolean sendOne(SessionRunner runner, QueuedSendRow queued, ConnectedSeen connectedSeen) {
        Optional<OutboundMessageRow> recorded = ledger.find(queued.messageId());
        if (recorded.isEmpty()) {
            return true;
        }
        OutboundMessageRow row = recorded.get();
        if (row.status() != MessageStatus.PENDING) {
            ledger.finishAnswered(row);
            return true;
        }
        SendRequest request;
        try {
            request = commands.decode(queued.command());
        } catch (RuntimeException e) {
            LOG.error("queued command of {} unreadable", row.messageId(), e);
            return failed(
                    runner, row, new Failure(MessageFailures.INVALID_MESSAGE, "the command cannot be read"), false);
        }
        Composition.Ready ready = null;
        int attempts = 0;
        // Queued before this runner started, an earlier owner may have handed it to WhatsApp already.
        boolean reachedWhatsApp = queued.queuedAt().isBefore(runner.startedAt());
        while (true) {
            Instant connectBy = later(queued.queuedAt(), connectedSeen.at).plus(settings.sendConnectTimeout());
            if (runner.awaitConnected(remaining(connectBy))) {
                connectedSeen.at = Instant.now();
            } else {
                return runner.takingWork()
                        && failed(
                                runner,
                                row,
                                new Failure(
                                        MessageFailures.SESSION_NOT_CONNECTED,
                                        "not connected within " + settings.sendConnectTimeout()),
                                reachedWhatsApp);
            }
            if (ready == null) {
                Composition composition;
                try {
                    composition = composer.compose(request, row.waMessageId(), runner.liveConnection());
                } catch (SessionNotConnectedException disconnected) {
                    continue;
                } catch (CompositionDeferredException e) {
                    LOG.warn("{}: composing deferred (attempt {}): {}", row.messageId(), attempts + 1, e.getMessage());
                    if (++attempts >= settings.sendAttempts()) {
                        return failed(
                                runner,
                                row,
                                new Failure(MessageFailures.TEMPORARILY_UNAVAILABLE, e.getMessage()),
                                reachedWhatsApp);
                    }
                    if (!runner.pause(retryPause(attempts))) {
                        return false;
                    }
                    continue;
                }
                if (composition instanceof Composition.Refused refused) {
                    return failed(runner, row, refused.failure(), reachedWhatsApp);
                }
                ready = (Composition.Ready) composition;
                String chat = ready.message().to().toString();
                if (!chat.equals(row.recipient())) {
                    row = ledger.redirect(row, chat);
                }
            }
            if (!paced(runner) || !typed(runner, ready)) {
                return false;
            }
            HandOver handOver = handOverTraced(runner, row, ready.message());
            reachedWhatsApp |= handOver != HandOver.NOT_HANDED_OVER;
            switch (handOver) {
                case SETTLED -> {
                    return true;
                }
                case OWNED_ELSEWHERE -> {
                    runner.ownedElsewhere();
                    return false;
                }
                case NOT_HANDED_OVER -> {
                    if (!runner.takingWork()) {
                        return false;
                    }
                }
                case UNKNOWN -> {
                    if (++attempts >= settings.sendAttempts()) {
                        return failed(
                                runner,
                                row,
                                new Failure(
                                        MessageFailures.WHATSAPP_UNAVAILABLE,
                                        "WhatsApp did not answer " + attempts + " sends of the message"),
                                true);
                    }
                    if (!runner.pause(retryPause(attempts))) {
                        return false;
                    }
                }
            }
        }
    }

    private enum HandOver {
        SETTLED,
        NOT_HANDED_OVER,
        UNKNOWN,
        OWNED_ELSEWHERE
    }

    /** The hand-over continues the trace of the command that queued the message, as do its events. */
    private HandOver handOverTraced(SessionRunner runner, OutboundMessageRow row, OutboundMessage message) {
        return traces.inSpan(
                "whatsapp send",
                SpanKind.CLIENT,
                row.traceparent(),
                Map.of("wagate.session_id", row.sessionId(), "wagate.message_id", row.messageId()),
                () -> handOver(runner, row, message));
    }

    private HandOver handOver(SessionRunner runner, OutboundMessageRow row, OutboundMessage message) {
        long handedOver = System.nanoTime();
        boolean[] recorded = {true};
        try {
            runner.send(
                    message,
                    outcome -> {
                        metrics.acked(Duration.ofNanos(System.nanoTime() - handedOver));
                        metrics.outcome(
                                switch (outcome) {
                                    case SendOutcome.Acked ignored -> "acked";
                                    case SendOutcome.Rejected rejected -> "rejected_" + rejected.code();
                                });
                        recorded[0] = ledger.settle(row, outcome, runner.epoch());
                    },
                    settings.sendAckTimeout());
            return recorded[0] ? HandOver.SETTLED : HandOver.OWNED_ELSEWHERE;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SessionNotConnectedException) {
                return HandOver.NOT_HANDED_OVER;
            }
            LOG.warn("{}: outcome unknown: {}", row.messageId(), e.getCause().toString());
            return HandOver.UNKNOWN;
        } catch (TimeoutException e) {
            LOG.warn("{}: no answer from WhatsApp: {}", row.messageId(), e.getMessage());
            return HandOver.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HandOver.NOT_HANDED_OVER;
        }
    }

    /** Waits for a token of the session's and the organization's rate limits; false when stopped. */
    private boolean paced(SessionRunner runner) {
        Duration wait;
        while (!(wait = limiter.tryAcquire(runner.session())).isZero()) {
            LOG.debug("paced: next send in {} ms", wait.toMillis());
            if (!runner.pause(wait)) {
                return false;
            }
        }
        return true;
    }

    /** Shows "typing..." in the chat for as long as asked, then stops it; false when stopped meanwhile. */
    private boolean typed(SessionRunner runner, Composition.Ready ready) {
        if (ready.typing().isZero() || ready.typing().isNegative()) {
            return true;
        }
        Jid chat = ready.message().to();
        presence(runner, chat, ChatPresence.COMPOSING);
        boolean going = runner.pause(ready.typing());
        presence(runner, chat, ChatPresence.PAUSED);
        return going;
    }

    /** Presence is a courtesy: failing to show it does not hold the message back. */
    private static void presence(SessionRunner runner, Jid chat, ChatPresence presence) {
        try {
            runner.liveConnection()
                    .presence(chat, presence)
                    .toCompletableFuture()
                    .get(PRESENCE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.debug("presence {} in {} not shown: {}", presence, chat, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Fails the message (it will not be sent); false when another instance owns the session now. */
    private boolean failed(SessionRunner runner, OutboundMessageRow row, Failure failure, boolean reachedWhatsApp) {
        if (ledger.fail(row, failure, runner.epoch(), reachedWhatsApp)) {
            return true;
        }
        runner.ownedElsewhere();
        return false;
    }

    private static Duration retryPause(int attempts) {
        Duration pause = Duration.ofSeconds(1L << Math.min(attempts - 1, 5));
        return pause.compareTo(LONGEST_RETRY_PAUSE) > 0 ? LONGEST_RETRY_PAUSE : pause;
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
