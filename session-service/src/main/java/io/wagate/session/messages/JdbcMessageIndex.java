package io.wagate.session.messages;

import io.wagate.session.MessageStatus;
import io.wagate.session.SessionRef;
import io.wagate.session.store.MessageKeyRepository;
import io.wagate.session.store.MessageKeyRow;
import io.wagate.session.store.OutboundMessageRepository;
import io.wagate.session.store.OutboundMessageRow;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MessageKey;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@link MessageIndex} in PostgreSQL: {@code message_keys}, checked against the outbound ledger for
 * our own messages. Ours sent before the index existed are found in the ledger alone (they were texts).
 */
@Singleton
public class JdbcMessageIndex implements MessageIndex {

    private static final Set<MessageStatus> ACCEPTED =
            EnumSet.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.PLAYED);

    private final MessageKeyRepository keys;
    private final OutboundMessageRepository outbound;

    JdbcMessageIndex(MessageKeyRepository keys, OutboundMessageRepository outbound) {
        this.keys = keys;
        this.outbound = outbound;
    }

    @Override
    public Optional<KnownMessage> find(SessionRef session, String id) {
        boolean ours = id.startsWith("msg_");
        Optional<MessageKeyRow> row = ours
                ? keys.findByMessageIdAndSessionId(id, session.sessionId())
                : keys.findBySessionIdAndWaMessageId(session.sessionId(), id);
        if (row.isPresent()) {
            return row.filter(found -> found.inbound() || accepted(found.messageId()))
                    .flatMap(JdbcMessageIndex::known);
        }
        return (ours ? outbound.findById(id) : outbound.findByWaMessageId(id))
                .filter(message -> message.sessionId().equals(session.sessionId()))
                .filter(message -> message.waMessageId() != null && ACCEPTED.contains(message.status()))
                .flatMap(JdbcMessageIndex::known);
    }

    @Override
    public boolean knows(SessionRef session, String waMessageId) {
        return keys.findBySessionIdAndWaMessageId(session.sessionId(), waMessageId)
                        .isPresent()
                || outbound.findByWaMessageId(waMessageId)
                        .filter(message -> message.sessionId().equals(session.sessionId()))
                        .isPresent();
    }

    @Override
    public void remember(SessionRef session, KnownMessage message) {
        MessageKey key = message.key();
        Jid author = message.author();
        keys.insertIfAbsent(
                session.sessionId(),
                key.waMessageId(),
                message.messageId(),
                key.chat().toString(),
                author == null ? null : author.toString(),
                key.fromMe(),
                message.inbound(),
                message.kind(),
                message.preview(),
                message.sentAt());
    }

    private boolean accepted(String messageId) {
        return outbound.findById(messageId)
                .map(message -> ACCEPTED.contains(message.status()))
                .orElse(false);
    }

    private static Optional<KnownMessage> known(MessageKeyRow row) {
        Optional<Jid> chat = Jid.parse(row.chat());
        if (chat.isEmpty()) {
            return Optional.empty();
        }
        Jid participant = chat.get().server() == Jid.Server.GROUP && row.sender() != null
                ? Jid.parse(row.sender()).orElse(null)
                : null;
        return Optional.of(new KnownMessage(
                row.messageId(),
                new MessageKey(chat.get(), row.waMessageId(), row.fromMe(), participant),
                row.inbound(),
                row.kind(),
                row.preview(),
                row.sentAt()));
    }

    private static Optional<KnownMessage> known(OutboundMessageRow row) {
        return Jid.parse(row.recipient())
                .map(chat -> new KnownMessage(
                        row.messageId(),
                        new MessageKey(chat, row.waMessageId(), true, null),
                        false,
                        "text",
                        null,
                        row.createdAt() == null ? Instant.EPOCH : row.createdAt()));
    }
}
