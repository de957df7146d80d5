package io.wagate.webhook.stream;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code events} table in {@code seq} order. Event ids are ULIDs, but {@code seq} is what
 * orders the stream: ingesting transactions draw it under an advisory lock, so a reader that has seen
 * seq n never sees a smaller one commit later, and resuming after n misses nothing.
 */
@Singleton
@Transactional(readOnly = true)
class JdbcEventStreamReader {

    private static final String PAGE = "SELECT seq, id, type, payload FROM events"
            + " WHERE organization_id = ? AND seq > ?"
            + "   AND (cardinality(?::text[]) = 0 OR type = ANY (?::text[]))"
            + "   AND (CAST(? AS text) IS NULL OR session_id = ?)"
            + " ORDER BY seq LIMIT ?";
    private static final String SEQ_OF = "SELECT seq FROM events WHERE id = ? AND organization_id = ?";
    // An id no longer kept (or never seen): resume before the first kept event whose ULID sorts after it.
    private static final String SEQ_BEFORE_LATER_IDS =
            "SELECT min(seq) - 1 FROM events" + " WHERE organization_id = ? AND id > ?";
    private static final String LAST_SEQ = "SELECT coalesce(max(seq), 0) FROM events";

    private final JdbcOperations jdbc;

    JdbcEventStreamReader(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a stream resuming after {@code lastEventId} starts: after that event. */
    long cursorAfter(String organizationId, String lastEventId) {
        Long known = single(SEQ_OF, lastEventId, organizationId);
        if (known != null) {
            return known;
        }
        Long beforeLater = single(SEQ_BEFORE_LATER_IDS, organizationId, lastEventId);
        return beforeLater != null ? beforeLater : lastSeq();
    }

    /** Where a new stream starts: after every event stored so far. */
    long lastSeq() {
        return jdbc.prepareStatement(LAST_SEQ, statement -> {
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }

    List<StreamedEvent> after(StreamFilter filter, long cursor, int limit) {
        return jdbc.prepareStatement(PAGE, statement -> {
            var types = statement
                    .getConnection()
                    .createArrayOf("text", filter.types().toArray());
            statement.setString(1, filter.organizationId());
            statement.setLong(2, cursor);
            statement.setArray(3, types);
            statement.setArray(4, types);
            statement.setString(5, filter.sessionId());
            statement.setString(6, filter.sessionId());
            statement.setInt(7, limit);
            List<StreamedEvent> events = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    events.add(new StreamedEvent(
                            rows.getLong(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            return events;
        });
    }

    private Long single(String sql, String first, String second) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, first);
            statement.setString(2, second);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                long value = row.getLong(1);
                return row.wasNull() ? null : value;
            }
        });
    }
}
