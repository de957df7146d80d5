package io.wagate.webhook.ingest;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.wagate.webhook.event.WebhookEvent;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The {@code events} table: each event once, with the body its deliveries send. */
@Singleton
class JdbcEventStore {

    private static final String INSERT =
            "INSERT INTO events (id, organization_id, session_id, type, payload, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING";

    private final JdbcOperations jdbc;

    JdbcEventStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when the event was stored before (a redelivered record) */
    @Transactional
    boolean insertIfAbsent(WebhookEvent event) {
        return jdbc.prepareStatement(INSERT, statement -> {
                    statement.setString(1, event.id());
                    statement.setString(2, event.organizationId());
                    statement.setString(3, event.sessionId());
                    statement.setString(4, event.type());
                    statement.setString(5, event.payload());
                    statement.setObject(6, OffsetDateTime.ofInstant(event.createdAt(), ZoneOffset.UTC));
                    return statement.executeUpdate();
                })
                == 1;
    }
}
