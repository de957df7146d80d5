package io.wagate.session.sending;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import io.wagate.session.MessageStatus;
import io.wagate.session.SessionRef;
import io.wagate.session.events.EventPublisher;
import io.wagate.session.events.SessionEvent;
import io.wagate.session.runtime.MessageReceipts;
import io.wagate.session.store.OutboundMessageRepository;
import io.wagate.session.store.OutboundMessageRow;
import io.wagate.session.store.QueuedSendRow;
import io.wagate.session.store.SendQueueRepository;
import io.wagate.session.tracing.Traces;
import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every outbound message, the queue of those still to send, and the events that
 * announce their progress. Each change is written first, then announced; a message leaves the
 * queue only once its outcome is announced, so whoever runs the session next announces again what
 * a crash may have swallowed (ADR 0007).
 */
@Singleton
public class OutboundMessages implements MessageReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundMessages.class);

    private final OutboundMessageRepository messages;
    private final SendQueueRepository queue;
    private final EventPublisher events;
    private final Traces traces;

    OutboundMessages(
            OutboundMessageRepository messages, SendQueueRepository queue, EventPublisher events, Traces traces) {
        this.messages = messages;
        this.queue = queue;
        this.events = events;
        this.traces = traces;
    }

    Optional<OutboundMessageRow> find(String messageId) {
        return messages.findById(messageId);
    }

    /** Records a message as pending under {@code waMessageId} and queues it, as it arrived, in one transaction. */
    @Transactional
    public void enqueue(SendRequest request, byte[] encoded, String recipient, String waMessageId) {
        if (messages.findById(request.messageId()).isEmpty()) {
            messages.save(row(request, recipient, waMessageId, MessageStatus.PENDING, null));
        }
        queue.enqueue(request.messageId(), request.session().sessionId(), encoded);
    }

    Optional<QueuedSendRow> nextQueued(String sessionId) {
        return queue.findNext(sessionId);
    }

    List<QueuedSendRow> queued(String sessionId) {
        return queue.findAllOf(sessionId);
    }

    /** Records and announces a message that failed before it was queued. */
    void failBeforeSending(SendRequest request, String recipient, SessionEvent.Failure failure) {
        LOG.info("{} {} failed: {}", request.session().sessionId(), request.messageId(), failure.code());
        announce(messages.save(row(request, recipient, null, MessageStatus.FAILED, failure)));
    }

    /**
     * Records and announces WhatsApp's answer to a send, then takes the message off the queue.
     *
     * @return false when another instance owns the session now (nothing recorded)
     */
    boolean settle(OutboundMessageRow row, SendOutcome outcome, long epoch) {
        return switch (outcome) {
            case SendOutcome.Acked acked -> advanceQueued(row, MessageStatus.SENT, null, epoch);
            case SendOutcome.Rejected rejected ->
                advanceQueued(
                        row,
                        MessageStatus.FAILED,
                        new SessionEvent.Failure(rejected.code(), rejected.message()),
                        epoch);
        };
    }

    /**
     * Fails a queued message that will not be sent after all, and takes it off the queue. One that
     * never reached WhatsApp keeps no WhatsApp id.
     *
     * @return false when another instance owns the session now (nothing recorded)
     */
    boolean fail(OutboundMessageRow row, SessionEvent.Failure failure, long epoch, boolean reachedWhatsApp) {
        LOG.info("{} {} failed: {}", row.sessionId(), row.messageId(), failure.code());
        if (reachedWhatsApp) {
            return advanceQueued(row, MessageStatus.FAILED, failure, epoch);
        }
        int recorded =
                messages.failUnsentOwned(row.messageId(), row.sessionId(), failure.code(), failure.message(), epoch);
        return recorded == 1
                ? announced(withoutWaId(with(row, row.recipient(), MessageStatus.FAILED, failure)))
                : answeredMeanwhile(row);
    }

    /** A queued message already answered (by an earlier owner): announced again, then off the queue. */
    void finishAnswered(OutboundMessageRow row) {
        announceAgain(row);
        queue.dequeue(row.messageId());
    }

    /** The chat the message goes to, as WhatsApp knows the recipient. */
    OutboundMessageRow redirect(OutboundMessageRow row, String recipient) {
        messages.updateRecipient(row.messageId(), recipient);
        return with(row, recipient, row.status(), null);
    }

    /** Announces again where a message stands, for a replayed command whose first run may have crashed. */
    void announceAgain(OutboundMessageRow row) {
        if (row.status() == MessageStatus.SENT || row.status() == MessageStatus.FAILED) {
            announce(row);
        }
    }

    @Override
    public void onReceipt(SessionRef session, TransportEvent.MessageReceipt receipt) {
        Optional<OutboundMessageRow> found = messages.findByWaMessageId(receipt.waMessageId());
        if (found.isEmpty()) {
            LOG.debug("{}: receipt for unknown message {}", session.sessionId(), receipt.waMessageId());
            return;
        }
        OutboundMessageRow row = found.get();
        MessageStatus next =
                switch (receipt.receipt()) {
                    case DELIVERED -> MessageStatus.DELIVERED;
                    case READ -> MessageStatus.READ;
                    case PLAYED -> MessageStatus.PLAYED;
                };
        if (row.status() == MessageStatus.PENDING) {
            // An earlier owner's send got through and this receipt is the first word of it: it was sent.
            row = advance(row, MessageStatus.SENT, null);
        }
        if (row.status().canAdvanceTo(next)) {
            advance(row, next, null);
        }
    }

    private boolean advanceQueued(
            OutboundMessageRow row, MessageStatus next, @Nullable SessionEvent.Failure failure, long epoch) {
        int recorded = messages.settleOwned(
                row.messageId(),
                row.sessionId(),
                next.name(),
                failure == null ? null : failure.code(),
                failure == null ? null : failure.message(),
                epoch);
        return recorded == 1 ? announced(with(row, row.recipient(), next, failure)) : answeredMeanwhile(row);
    }

    private boolean announced(OutboundMessageRow settled) {
        announce(settled);
        queue.dequeue(settled.messageId());
        return true;
    }

    /** Nothing recorded: answered meanwhile (true, finished here), or another instance owns the session (false). */
    private boolean answeredMeanwhile(OutboundMessageRow row) {
        Optional<OutboundMessageRow> now = messages.findById(row.messageId());
        if (now.isPresent() && now.get().status() != MessageStatus.PENDING) {
            // A first try whose announcement failed, a receipt: not ours to decide again.
            finishAnswered(now.get());
            return true;
        }
        return false;
    }

    private static OutboundMessageRow withoutWaId(OutboundMessageRow row) {
        return new OutboundMessageRow(
                row.messageId(),
                row.sessionId(),
                row.organizationId(),
                null,
                row.recipient(),
                row.clientRef(),
                row.metadata(),
                row.status(),
                row.failureCode(),
                row.failureMessage(),
                row.traceparent(),
                row.createdAt(),
                row.updatedAt());
    }

    private OutboundMessageRow advance(
            OutboundMessageRow row, MessageStatus next, @Nullable SessionEvent.Failure failure) {
        messages.updateStatus(
                row.messageId(),
                next.name(),
                failure == null ? null : failure.code(),
                failure == null ? null : failure.message());
        OutboundMessageRow advanced = with(row, row.recipient(), next, failure);
        announce(advanced);
        return advanced;
    }

    private void announce(OutboundMessageRow row) {
        SessionEvent.Failure failure = row.failureCode() == null
                ? null
                : new SessionEvent.Failure(
                        row.failureCode(), Objects.requireNonNullElse(row.failureMessage(), row.failureCode()));
        events.publish(
                new SessionRef(row.sessionId(), row.organizationId()),
                new SessionEvent.MessageUpdated(
                        row.messageId(),
                        row.clientRef(),
                        row.metadata(),
                        row.waMessageId(),
                        row.recipient(),
                        row.status(),
                        failure),
                traces.currentOr(row.traceparent()));
    }

    private static OutboundMessageRow with(
            OutboundMessageRow row, String recipient, MessageStatus status, @Nullable SessionEvent.Failure failure) {
        return new OutboundMessageRow(
                row.messageId(),
                row.sessionId(),
                row.organizationId(),
                row.waMessageId(),
                recipient,
                row.clientRef(),
                row.metadata(),
                status,
                failure == null ? row.failureCode() : failure.code(),
                failure == null ? row.failureMessage() : failure.message(),
                row.traceparent(),
                row.createdAt(),
                row.updatedAt());
    }

    private OutboundMessageRow row(
            SendRequest request,
            String recipient,
            @Nullable String waMessageId,
            MessageStatus status,
            @Nullable SessionEvent.Failure failure) {
        return new OutboundMessageRow(
                request.messageId(),
                request.session().sessionId(),
                request.session().organizationId(),
                waMessageId,
                recipient,
                request.clientRef(),
                request.metadata(),
                status,
                failure == null ? null : failure.code(),
                failure == null ? null : failure.message(),
                traces.current(),
                null,
                null);
    }
}
