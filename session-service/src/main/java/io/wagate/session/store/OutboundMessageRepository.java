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
}
