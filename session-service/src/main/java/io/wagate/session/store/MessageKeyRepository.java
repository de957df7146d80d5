package io.wagate.session.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MessageKeyRepository extends GenericRepository<MessageKeyRow, String> {

    Optional<MessageKeyRow> findByMessageIdAndSessionId(String messageId, String sessionId);

    Optional<MessageKeyRow> findBySessionIdAndWaMessageId(String sessionId, String waMessageId);

    /** Records a message once: a resend or a redelivery of the same WhatsApp id keeps the first row. */
    @Query("INSERT INTO message_keys (session_id, wa_message_id, message_id, chat, sender, from_me, inbound, kind,"
            + " preview, sent_at) VALUES (:sessionId, :waMessageId, :messageId, :chat, :sender, :fromMe, :inbound,"
            + " :kind, :preview, :sentAt) ON CONFLICT DO NOTHING")
    int insertIfAbsent(
            String sessionId,
            String waMessageId,
            String messageId,
            String chat,
            @Nullable String sender,
            boolean fromMe,
            boolean inbound,
            String kind,
            @Nullable String preview,
            Instant sentAt);
}
