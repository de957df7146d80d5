package io.wagate.webhook.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.wagate.webhook.Ids;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The {@code deliveries} queue and its {@code delivery_attempts} log in PostgreSQL. Due rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so any number of instances share the work
 * and a crashed one's rows come back when their lease runs out. Every time is the database's.
 */
@Singleton
public class JdbcDeliveryStore {

    private static final String INSERT_PENDING = "INSERT INTO deliveries"
            + " (id, event_id, endpoint_id, status, attempts, next_attempt_at, created_at, updated_at)"
            + " VALUES (?, ?, ?, 'pending', 0, now(), now(), now()) ON CONFLICT (endpoint_id, event_id) DO NOTHING";

    // The locking CTE runs once, so one claim never takes more than its limit.
    private static final String CLAIM_DUE = "WITH due AS (SELECT id FROM deliveries"
            + "   WHERE status = 'pending' AND next_attempt_at <= now()"
            + "     AND (locked_until IS NULL OR locked_until < now())"
            + "   ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)"
            + " UPDATE deliveries d"
            + " SET locked_until = now() + (CAST(? AS bigint) * interval '1 millisecond'), lease_token = ?"
            + " FROM due, events e, endpoints p"
            + " WHERE d.id = due.id AND e.id = d.event_id AND p.id = d.endpoint_id"
            + " RETURNING d.id, d.event_id, d.endpoint_id, p.url, p.secret, e.payload, d.attempts";

    private static final String INSERT_ATTEMPT = "INSERT INTO delivery_attempts"
            + " (id, delivery_id, attempted_at, status_code, latency_ms, response_body, error)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    // Only while the lease is still ours and nobody cancelled the delivery meanwhile.
    private static final String FINISH = "UPDATE deliveries SET status = ?, attempts = attempts + 1,"
            + " next_attempt_at = NULL, locked_until = NULL, lease_token = NULL,"
            + " last_status_code = ?, last_error = ?, updated_at = now()"
            + " WHERE id = ? AND lease_token = ? AND status = 'pending'";

    private static final String RESCHEDULE = "UPDATE deliveries SET attempts = attempts + 1,"
            + " next_attempt_at = now() + (CAST(? AS bigint) * interval '1 millisecond'),"
            + " locked_until = NULL, lease_token = NULL, last_status_code = ?, last_error = ?, updated_at = now()"
            + " WHERE id = ? AND lease_token = ? AND status = 'pending'";

    private static final String RELEASE =
            "UPDATE deliveries SET locked_until = NULL, lease_token = NULL WHERE id = ? AND lease_token = ?";

    private static final String CANCEL_PENDING = "UPDATE deliveries SET status = 'cancelled',"
            + " next_attempt_at = NULL, locked_until = NULL, lease_token = NULL, updated_at = now()"
            + " WHERE endpoint_id = ? AND status = 'pending'";

    private final JdbcOperations jdbc;

    JdbcDeliveryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One pending delivery of the event per endpoint, due now; an existing pair is left alone. */
    @Transactional
    public void createPending(String eventId, Collection<String> endpointIds) {
        if (endpointIds.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(INSERT_PENDING, statement -> {
            for (String endpointId : endpointIds) {
                statement.setString(1, Ids.newId("dlv"));
                statement.setString(2, eventId);
                statement.setString(3, endpointId);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /** Cancels what a deleted endpoint still had to receive; an attempt in flight cannot undo it. */
    @Transactional
    public int cancelPending(String endpointId) {
        return jdbc.prepareStatement(CANCEL_PENDING, statement -> {
            statement.setString(1, endpointId);
            return statement.executeUpdate();
        });
    }

    @Transactional
    List<ClaimedDelivery> claimDue(int limit, Duration lease) {
        UUID leaseToken = UUID.randomUUID();
        return jdbc.prepareStatement(CLAIM_DUE, statement -> {
            statement.setInt(1, limit);
            statement.setLong(2, lease.toMillis());
            statement.setObject(3, leaseToken);
            List<ClaimedDelivery> claimed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new ClaimedDelivery(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getInt(7),
                            leaseToken));
                }
            }
            return claimed;
        });
    }

    /** Logs the attempt and moves the delivery on, in one transaction. */
    @Transactional
    void record(ClaimedDelivery delivery, Instant attemptedAt, SendOutcome outcome, DeliveryResult result) {
        Integer statusCode = outcome instanceof SendOutcome.Responded responded ? responded.statusCode() : null;
        String error = outcome instanceof SendOutcome.Failed failed ? failed.error() : null;
        jdbc.prepareStatement(INSERT_ATTEMPT, statement -> {
            statement.setString(1, Ids.newId("att"));
            statement.setString(2, delivery.deliveryId());
            statement.setObject(3, OffsetDateTime.ofInstant(attemptedAt, ZoneOffset.UTC));
            setNullableInt(statement, 4, statusCode);
            statement.setLong(5, outcome.latencyMillis());
            statement.setString(6, outcome instanceof SendOutcome.Responded responded ? responded.body() : null);
            statement.setString(7, error);
            return statement.executeUpdate();
        });
        switch (result) {
            case DeliveryResult.Delivered delivered -> finish(delivery, "delivered", statusCode, error);
            case DeliveryResult.GaveUp gaveUp -> finish(delivery, "failed", statusCode, error);
            case DeliveryResult.RetryIn retry ->
                jdbc.prepareStatement(RESCHEDULE, statement -> {
                    statement.setLong(1, retry.delay().toMillis());
                    setNullableInt(statement, 2, statusCode);
                    statement.setString(3, error);
                    statement.setString(4, delivery.deliveryId());
                    statement.setObject(5, delivery.leaseToken());
                    return statement.executeUpdate();
                });
        }
    }

    /** Hands leased deliveries back at once, for another instance to send, instead of at lease end. */
    @Transactional
    void release(Collection<ClaimedDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(RELEASE, statement -> {
            for (ClaimedDelivery delivery : deliveries) {
                statement.setString(1, delivery.deliveryId());
                statement.setObject(2, delivery.leaseToken());
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    private void finish(ClaimedDelivery delivery, String status, Integer statusCode, String error) {
        jdbc.prepareStatement(FINISH, statement -> {
            statement.setString(1, status);
            setNullableInt(statement, 2, statusCode);
            statement.setString(3, error);
            statement.setString(4, delivery.deliveryId());
            statement.setObject(5, delivery.leaseToken());
            return statement.executeUpdate();
        });
    }

    private static void setNullableInt(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }
}
