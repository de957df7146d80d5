package io.wagate.api.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SessionRepository extends CrudRepository<Session, String> {

    Optional<Session> findByIdAndOrganizationId(String id, String organizationId);

    @Query("SELECT * FROM sessions WHERE organization_id = :organizationId AND status <> 'deleted'"
            + " ORDER BY created_at DESC, id DESC")
    List<Session> findNewestFirst(String organizationId);

    @Query("SELECT * FROM sessions WHERE organization_id = :organizationId AND status = :status"
            + " ORDER BY created_at DESC, id DESC")
    List<Session> findNewestFirstWithStatus(String organizationId, SessionStatus status);

    /**
     * Applies a status event unless a newer one was applied already; a phone number once known is
     * kept when an event does not repeat it.
     *
     * @return 0 when the session is unknown or the event is older than the last one applied
     */
    @Query("""
            UPDATE sessions
               SET status = :status, status_reason = :reason, phone_number = COALESCE(:phoneNumber, phone_number),
                   updated_at = :updatedAt, last_event_at = :eventAt
             WHERE id = :id AND (last_event_at IS NULL OR last_event_at <= :eventAt)""")
    int updateStatus(
            String id,
            SessionStatus status,
            @Nullable String reason,
            @Nullable String phoneNumber,
            Instant eventAt,
            Instant updatedAt);
}
