package io.wagate.webhook.stream;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes events older than {@code wagate.events.retention} that no delivery still waits on, together
 * with their deliveries and attempt log, a thousand at a time. An event with a pending delivery stays
 * until that delivery ends.
 */
@Singleton
class EventRetention {

    private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);
    private static final int BATCH = 1000;

    // Foreign keys are checked when the statement ends, after all three deletes.
    private static final String DELETE_EXPIRED = "WITH expired AS (SELECT e.id FROM events e"
            + "   WHERE e.received_at < now() - (CAST(? AS bigint) * interval '1 millisecond')"
            + "     AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.status = 'pending')"
            + "   ORDER BY e.received_at LIMIT ? FOR UPDATE SKIP LOCKED),"
            + " attempts AS (DELETE FROM delivery_attempts a USING expired WHERE a.event_id = expired.id),"
            + " deliveries AS (DELETE FROM deliveries d USING expired WHERE d.event_id = expired.id)"
            + " DELETE FROM events e USING expired WHERE e.id = expired.id";

    private final JdbcOperations jdbc;
    private final EventStreamConfig config;

    EventRetention(JdbcOperations jdbc, EventStreamConfig config) {
        this.jdbc = jdbc;
        this.config = config;
    }

    @Scheduled(
            fixedDelay = "${wagate.events.cleanup-interval:1h}",
            initialDelay = "${wagate.events.cleanup-interval:1h}")
    void cleanUp() {
        try {
            int deleted = 0;
            int batch;
            do {
                batch = deleteBatch();
                deleted += batch;
            } while (batch == BATCH);
            if (deleted > 0) {
                LOG.info("Deleted {} events older than {}", deleted, config.retention());
            }
        } catch (RuntimeException e) {
            LOG.warn("Deleting expired events failed; trying again at the next run: {}", e.toString());
        }
    }

    /** Each batch commits on its own (Micronaut's advice applies to calls from within the bean too). */
    @Transactional
    int deleteBatch() {
        return jdbc.prepareStatement(DELETE_EXPIRED, statement -> {
            statement.setLong(1, config.retention().toMillis());
            statement.setInt(2, BATCH);
            return statement.executeUpdate();
        });
    }
}
