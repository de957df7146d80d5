package io.wagate.session.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OutboundMessageRepository extends GenericRepository<OutboundMessageRow, String> {

    Optional<OutboundMessageRow> findById(String messageId);

    Optional<OutboundMessageRow> findByWaMessageId(String waMessageId);

    OutboundMessageRow save(OutboundMessageRow row);

    @Query("UPDATE outbound_messages SET status = :status, failure_code = :failureCode,"
            + " failure_message = :failureMessage, updated_at = now() WHERE message_id = :messageId")
    void updateStatus(String messageId, String status, @Nullable String failureCode, @Nullable String failureMessage);

    /**
     * Records how a pending message ended, for the instance holding {@code epoch} of its session; 0
     * when another instance owns the session now or the message is not pending any more.
     */
    @Query("UPDATE outbound_messages SET status = :status, failure_code = :failureCode,"
            + " failure_message = :failureMessage, updated_at = now()"
            + " WHERE message_id = :messageId AND status = 'PENDING'"
            + " AND EXISTS (SELECT 1 FROM sessions WHERE id = :sessionId AND owner_epoch = :epoch)")
    int settleOwned(
            String messageId,
            String sessionId,
            String status,
            @Nullable String failureCode,
            @Nullable String failureMessage,
            long epoch);

    /**
     * Like {@link #settleOwned} for a message that failed without ever reaching WhatsApp: it keeps
     * no WhatsApp id, since WhatsApp never knew one.
     */
    @Query("UPDATE outbound_messages SET status = 'FAILED', wa_message_id = NULL, failure_code = :failureCode,"
            + " failure_message = :failureMessage, updated_at = now()"
            + " WHERE message_id = :messageId AND status = 'PENDING'"
            + " AND EXISTS (SELECT 1 FROM sessions WHERE id = :sessionId AND owner_epoch = :epoch)")
    int failUnsentOwned(String messageId, String sessionId, String failureCode, String failureMessage, long epoch);

    /** The chat a message went to, once WhatsApp's form of the recipient is known. */
    @Query("UPDATE outbound_messages SET recipient = :recipient, updated_at = now() WHERE message_id = :messageId")
    void updateRecipient(String messageId, String recipient);
}
