package io.wagate.api.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IdempotencyRepository extends GenericRepository<IdempotencyRecord, String> {

    /** @return 1 when this request is the first with the key, 0 when the key was taken already */
    @Query("""
            INSERT INTO idempotency_keys (organization_id, key, request_hash, created_at)
            VALUES (:organizationId, :key, :requestHash, :createdAt)
            ON CONFLICT (organization_id, key) DO NOTHING""")
    int claim(String organizationId, String key, String requestHash, Instant createdAt);

    Optional<IdempotencyRecord> findByOrganizationIdAndKey(String organizationId, String key);

    @Query("""
            UPDATE idempotency_keys
               SET message_id = :messageId, client_ref = :clientRef, status = :status, wa_message_id = :waMessageId,
                   error_code = :errorCode, error_message = :errorMessage, pending = :pending
             WHERE organization_id = :organizationId AND key = :key""")
    void complete(
            String organizationId,
            String key,
            String messageId,
            @Nullable String clientRef,
            String status,
            @Nullable String waMessageId,
            @Nullable String errorCode,
            @Nullable String errorMessage,
            boolean pending);

    @Query("DELETE FROM idempotency_keys WHERE organization_id = :organizationId AND key = :key")
    void release(String organizationId, String key);

    @Query("DELETE FROM idempotency_keys WHERE created_at < :before")
    int forgetOlderThan(Instant before);
}
