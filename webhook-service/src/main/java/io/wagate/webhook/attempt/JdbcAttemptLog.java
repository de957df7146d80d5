package io.wagate.webhook.attempt;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code delivery_attempts}, newest first (attempt ids are ULIDs), a page at a time. */
@Singleton
@Transactional(readOnly = true)
class JdbcAttemptLog {

    private static final String COLUMNS = "SELECT a.id, a.endpoint_id, a.delivery_id, a.event_id, a.attempted_at,"
            + " a.status_code, a.latency_ms, a.response_body, a.error FROM delivery_attempts a";
    private static final String BY_ENDPOINT =
            COLUMNS + " WHERE a.endpoint_id = ? AND (CAST(? AS text) IS NULL OR a.id < ?) ORDER BY a.id DESC LIMIT ?";
    private static final String BY_EVENT =
            COLUMNS + " WHERE a.event_id = ? AND (CAST(? AS text) IS NULL OR a.id < ?) ORDER BY a.id DESC LIMIT ?";
    private static final String EVENT_OF_ORGANIZATION = "SELECT 1 FROM events WHERE id = ? AND organization_id = ?";

    private final JdbcOperations jdbc;

    JdbcAttemptLog(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    AttemptView.Page ofEndpoint(String endpointId, @Nullable String startingAfter, int limit) {
        return page(BY_ENDPOINT, endpointId, startingAfter, limit);
    }

    AttemptView.Page ofEvent(String eventId, @Nullable String startingAfter, int limit) {
        return page(BY_EVENT, eventId, startingAfter, limit);
    }

    boolean eventBelongsTo(String eventId, String organizationId) {
        return jdbc.prepareStatement(EVENT_OF_ORGANIZATION, statement -> {
            statement.setString(1, eventId);
            statement.setString(2, organizationId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        });
    }

    private AttemptView.Page page(String sql, String key, @Nullable String startingAfter, int limit) {
        return jdbc.prepareStatement(sql, statement -> {
            statement.setString(1, key);
            statement.setString(2, startingAfter);
            statement.setString(3, startingAfter);
            statement.setInt(4, limit + 1);
            List<AttemptView> attempts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    attempts.add(view(rows));
                }
            }
            boolean hasMore = attempts.size() > limit;
            return new AttemptView.Page(hasMore ? attempts.subList(0, limit) : attempts, hasMore);
        });
    }

    private static AttemptView view(ResultSet row) throws SQLException {
        return new AttemptView(
                row.getString(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                DateTimeFormatter.ISO_INSTANT.format(row.getTimestamp(5).toInstant()),
                row.getObject(6, Integer.class),
                row.getInt(7),
                row.getString(8),
                row.getString(9));
    }
}
