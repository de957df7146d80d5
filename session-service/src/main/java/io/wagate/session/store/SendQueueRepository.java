package io.wagate.session.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SendQueueRepository extends GenericRepository<QueuedSendRow, String> {

    /** Queues a message once: a replayed command finds it queued already. */
    @Query("INSERT INTO send_queue (message_id, session_id, command) VALUES (:messageId, :sessionId, :command)"
            + " ON CONFLICT (message_id) DO NOTHING")
    void enqueue(String messageId, String sessionId, byte[] command);

    /** The session's oldest queued message. */
    @Query("SELECT * FROM send_queue WHERE session_id = :sessionId ORDER BY seq LIMIT 1")
    Optional<QueuedSendRow> findNext(String sessionId);

    @Query("SELECT * FROM send_queue WHERE session_id = :sessionId ORDER BY seq")
    List<QueuedSendRow> findAllOf(String sessionId);

    @Query("DELETE FROM send_queue WHERE message_id = :messageId")
    void dequeue(String messageId);
}
