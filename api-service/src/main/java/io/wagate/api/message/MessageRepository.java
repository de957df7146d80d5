package io.wagate.api.message;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MessageRepository extends CrudRepository<Message, String> {

    Optional<Message> findByIdAndSessionIdAndOrganizationId(String id, String sessionId, String organizationId);

    /** A page of a session's messages, newest first (ULIDs sort by time), older than {@code before} if given. */
    @Query("""
            SELECT * FROM messages
             WHERE session_id = :sessionId AND organization_id = :organizationId
               AND (CAST(:before AS text) IS NULL OR id < :before)
               AND (CAST(:direction AS text) IS NULL OR direction = :direction)
             ORDER BY id DESC
             LIMIT :limit""")
    List<Message> findPage(
            String sessionId,
            String organizationId,
            @io.micronaut.core.annotation.Nullable String direction,
            @io.micronaut.core.annotation.Nullable String before,
            int limit);
}
