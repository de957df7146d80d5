package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MessageEventRepository extends GenericRepository<MessageEventRow, String> {

    /** @return 0 when this event was recorded already (a replay) */
    @Query("""
            INSERT INTO message_events (event_id, message_id, status, occurred_at, error_code, error_message)
            VALUES (:eventId, :messageId, :status, :occurredAt, :errorCode, :errorMessage)
            ON CONFLICT (event_id) DO NOTHING""")
    int insertOnce(
            String eventId,
            String messageId,
            String status,
            Instant occurredAt,
            @Nullable String errorCode,
            @Nullable String errorMessage);

    List<MessageEventRow> findByMessageIdOrderByOccurredAt(String messageId);

    List<MessageEventRow> findByMessageIdInOrderByOccurredAt(Collection<String> messageIds);
}
