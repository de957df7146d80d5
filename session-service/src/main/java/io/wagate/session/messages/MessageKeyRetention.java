package io.wagate.session.messages;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes {@code message_keys} rows of messages sent longer than {@code wagate.messages.key-retention}
 * ago, a thousand at a time, each batch in its own transaction so no run holds many locks for long.
 * Every instance runs it; {@code SKIP LOCKED} lets them share the work instead of waiting on each
 * other. A failing run is logged and left to the next one: the index growing a while longer harms
 * nothing.
 */
@Singleton
class MessageKeyRetention {

    private static final Logger LOG = LoggerFactory.getLogger(MessageKeyRetention.class);
    static final int BATCH = 1000;

    private static final String DELETE_EXPIRED = "DELETE FROM message_keys k USING ("
            + "SELECT session_id, wa_message_id FROM message_keys"
            + " WHERE sent_at < now() - (CAST(? AS bigint) * interval '1 millisecond')"
            + " LIMIT ? FOR UPDATE SKIP LOCKED) expired"
            + " WHERE k.session_id = expired.session_id AND k.wa_message_id = expired.wa_message_id";

    private final JdbcOperations jdbc;
    private final MessageKeySettings settings;

    MessageKeyRetention(JdbcOperations jdbc, MessageKeySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Scheduled(
            fixedDelay = "${wagate.messages.key-cleanup-interval:1h}",
            initialDelay = "${wagate.messages.key-cleanup-interval:1h}")
    void cleanUp() {
        try {
            int deleted = 0;
            int batch;
            do {
                batch = deleteBatch();
                deleted += batch;
            } while (batch == BATCH);
            if (deleted > 0) {
                LOG.info("Forgot {} indexed messages sent more than {} ago", deleted, settings.keyRetention());
            }
        } catch (RuntimeException e) {
            LOG.warn("Deleting expired message keys failed; trying again at the next run: {}", e.toString());
        }
    }

    /** Each batch commits on its own (Micronaut's advice applies to calls from within the bean too). */
    @Transactional
    int deleteBatch() {
        return jdbc.prepareStatement(DELETE_EXPIRED, statement -> {
            statement.setLong(1, settings.keyRetention().toMillis());
            statement.setInt(2, BATCH);
            return statement.executeUpdate();
        });
    }
}
