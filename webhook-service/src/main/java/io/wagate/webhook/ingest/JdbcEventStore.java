package io.wagate.webhook.ingest;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.wagate.webhook.event.WebhookEvent;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code events} table: each event once, with the body its deliveries send. */
@Singleton
class JdbcEventStore {

    /**
     * Serializes the transactions that draw {@code events.seq}, so that they commit in the order they
     * drew: a stream reader that has seen seq n never sees a smaller one appear later.
     */
    private static final String LOCK_SEQUENCE = "SELECT pg_advisory_xact_lock(7406315551)";

    private static final String INSERT =
            "INSERT INTO events (id, organization_id, session_id, type, payload, created_at, traceparent)"
                    + " SELECT u.id, u.organization_id, u.session_id, u.type, u.payload, CAST(u.created_at AS timestamptz),"
                    + "   u.traceparent"
                    + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
                    + "   WITH ORDINALITY AS u(id, organization_id, session_id, type, payload, created_at, traceparent,"
                    + "   position)"
                    + " ORDER BY u.position"
                    + " ON CONFLICT (id) DO NOTHING RETURNING id";

    private final JdbcOperations jdbc;

    JdbcEventStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the ids of the events stored now; one stored before (a redelivered record) is left out */
    @Transactional
    Set<String> insertNew(List<WebhookEvent> events) {
        jdbc.prepareStatement(LOCK_SEQUENCE, statement -> statement.execute());
        return jdbc.prepareStatement(INSERT, statement -> {
            Connection connection = statement.getConnection();
            statement.setArray(1, connection.createArrayOf("text", column(events, WebhookEvent::id)));
            statement.setArray(2, connection.createArrayOf("text", column(events, WebhookEvent::organizationId)));
            statement.setArray(3, connection.createArrayOf("text", column(events, WebhookEvent::sessionId)));
            statement.setArray(4, connection.createArrayOf("text", column(events, WebhookEvent::type)));
            statement.setArray(5, connection.createArrayOf("text", column(events, WebhookEvent::payload)));
            statement.setArray(6, connection.createArrayOf("text", column(events, event -> event.createdAt()
                    .toString())));
            statement.setArray(7, connection.createArrayOf("text", column(events, WebhookEvent::traceparent)));
            Set<String> inserted = new HashSet<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    inserted.add(rows.getString(1));
                }
            }
            return inserted;
        });
    }

    private static String[] column(List<WebhookEvent> events, java.util.function.Function<WebhookEvent, String> field) {
        return events.stream().map(field).toArray(String[]::new);
    }
}
