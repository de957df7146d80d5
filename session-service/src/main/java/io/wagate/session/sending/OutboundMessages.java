package io.wagate.session.sending;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.MessageStatus;
import io.wagate.session.SessionRef;
import io.wagate.session.events.EventPublisher;
import io.wagate.session.events.SessionEvent;
import io.wagate.session.runtime.MessageReceipts;
import io.wagate.session.store.OutboundMessageRepository;
import io.wagate.session.store.OutboundMessageRow;
import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of every outbound message and the events that announce its progress: each change is
 * written first, then announced, so a replay can announce again what a crash may have swallowed.
 */
@Singleton
public class OutboundMessages implements MessageReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundMessages.class);

    private final OutboundMessageRepository messages;
    private final EventPublisher events;

    OutboundMessages(OutboundMessageRepository messages, EventPublisher events) {
        this.messages = messages;
        this.events = events;
    }

    Optional<OutboundMessageRow> find(String messageId) {
        return messages.findById(messageId);
    }

    /** Records a message about to be handed to WhatsApp under {@code waMessageId}. */
    OutboundMessageRow recordPending(SendRequest request, String recipient, String waMessageId) {
        return messages.save(row(request, recipient, waMessageId, MessageStatus.PENDING, null));
    }

    /** Records and announces a message that failed before reaching WhatsApp. */
    void failBeforeSending(SendRequest request, String recipient, SessionEvent.Failure failure) {
        LOG.info("{} {} failed: {}", request.session().sessionId(), request.messageId(), failure.code());
        announce(messages.save(row(request, recipient, null, MessageStatus.FAILED, failure)));
    }

    /** Records and announces WhatsApp's answer to a send. */
    void settle(OutboundMessageRow row, SendOutcome outcome) {
        switch (outcome) {
            case SendOutcome.Acked acked -> advance(row, MessageStatus.SENT, null);
            case SendOutcome.Rejected rejected ->
                advance(row, MessageStatus.FAILED, new SessionEvent.Failure(rejected.code(), rejected.message()));
        }
    }

    /** Fails a recorded message that never reached WhatsApp after all. */
    void fail(OutboundMessageRow row, SessionEvent.Failure failure) {
        advance(row, MessageStatus.FAILED, failure);
    }

    /** Announces again where a message stands, for a replayed command whose first run may have crashed. */
    void announceAgain(OutboundMessageRow row) {
        if (row.status() == MessageStatus.SENT || row.status() == MessageStatus.FAILED) {
            announce(row);
        }
    }

    @Override
    public void onReceipt(SessionRef session, TransportEvent.MessageReceipt receipt) {
        Optional<OutboundMessageRow> row = messages.findByWaMessageId(receipt.waMessageId());
        if (row.isEmpty()) {
            LOG.debug("{}: receipt for unknown message {}", session.sessionId(), receipt.waMessageId());
            return;
        }
        MessageStatus next =
                switch (receipt.receipt()) {
                    case DELIVERED -> MessageStatus.DELIVERED;
                    case READ -> MessageStatus.READ;
                    case PLAYED -> MessageStatus.PLAYED;
                };
        if (row.get().status().canAdvanceTo(next)) {
            advance(row.get(), next, null);
        }
    }

    private void advance(OutboundMessageRow row, MessageStatus next, @Nullable SessionEvent.Failure failure) {
        messages.updateStatus(
                row.messageId(),
                next.name(),
                failure == null ? null : failure.code(),
                failure == null ? null : failure.message());
        announce(new OutboundMessageRow(
                row.messageId(),
                row.sessionId(),
                row.organizationId(),
                row.waMessageId(),
                row.recipient(),
                row.clientRef(),
                row.metadata(),
                next,
                failure == null ? null : failure.code(),
                failure == null ? null : failure.message(),
                row.createdAt(),
                row.updatedAt()));
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
                        failure));
    }

    private static OutboundMessageRow row(
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
                null,
                null);
    }
}
