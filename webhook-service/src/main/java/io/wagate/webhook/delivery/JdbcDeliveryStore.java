package io.wagate.webhook.delivery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.wagate.webhook.Ids;
import jakarta.inject.Singleton;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@code deliveries} queue and its {@code delivery_attempts} log in PostgreSQL. Due rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED} and a lease, so any number of instances share the work
 * and a crashed one's rows come back when their lease runs out. Batches travel as arrays
 * ({@code unnest}), one statement per batch. Every time is the database's.
 */
@Singleton
public class JdbcDeliveryStore {

    private static final String INSERT_PENDING = "INSERT INTO deliveries"
            + " (id, event_id, endpoint_id, session_id, status, attempts, next_attempt_at, created_at, updated_at)"
            + " SELECT u.id, u.event_id, u.endpoint_id, u.session_id, 'pending', 0, now(), now(), now()"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY"
            + "   AS u(id, event_id, endpoint_id, session_id, position)"
            + " ORDER BY u.position" // seq follows the events' order: FIFO endpoints rely on it
            + " ON CONFLICT (endpoint_id, event_id) DO NOTHING";

    // Endpoint by endpoint (LATERAL), the oldest due deliveries of each enabled endpoint that has room,
    // at most a per-endpoint limit; then the oldest of those, up to the claim's limit. A backlog of a
    // full endpoint is never even scanned. The locking CTE runs once, so a claim never takes more than
    // its limit. A FIFO endpoint's delivery of a session waits while an earlier one of that session is
    // still pending.
    private static final String CLAIM_DUE = "WITH due AS (SELECT c.id FROM endpoints p"
            + "   CROSS JOIN LATERAL (SELECT d.id, d.next_attempt_at FROM deliveries d"
            + "     WHERE d.endpoint_id = p.id AND d.status = 'pending' AND d.next_attempt_at <= now()"
            + "       AND (d.locked_until IS NULL OR d.locked_until < now())"
            + "       AND (p.ordering <> 'fifo' OR d.session_id IS NULL OR NOT EXISTS (SELECT 1 FROM deliveries o"
            + "         WHERE o.endpoint_id = d.endpoint_id AND o.session_id = d.session_id"
            + "           AND o.status = 'pending' AND o.seq < d.seq))"
            + "     ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED) c"
            + "   WHERE p.enabled AND p.deleted_at IS NULL AND NOT (p.id = ANY (?::text[]))"
            + "   ORDER BY c.next_attempt_at LIMIT ?)"
            + " UPDATE deliveries d"
            + " SET locked_until = now() + (CAST(? AS bigint) * interval '1 millisecond'), lease_token = ?"
            + " FROM due, events e, endpoints p"
            + " WHERE d.id = due.id AND e.id = d.event_id AND p.id = d.endpoint_id"
            + " RETURNING d.id, d.event_id, d.endpoint_id, d.session_id, p.url, p.secret,"
            + "   CASE WHEN p.previous_secret_expires_at > now() THEN p.previous_secret END,"
            + "   e.payload, d.attempts, p.rate_limit, p.ordering = 'fifo', e.traceparent";

    private static final String INSERT_ATTEMPTS = "INSERT INTO delivery_attempts"
            + " (id, delivery_id, endpoint_id, event_id, attempted_at, status_code, latency_ms, response_body, error)"
            + " SELECT u.id, u.delivery_id, u.endpoint_id, u.event_id, CAST(u.attempted_at AS timestamptz),"
            + "   u.status_code, u.latency_ms, u.response_body, u.error"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], ?::int4[], ?::text[],"
            + "   ?::text[]) AS u(id, delivery_id, endpoint_id, event_id, attempted_at, status_code, latency_ms,"
            + "   response_body, error)";

    // Only while the lease is still ours and nobody cancelled or failed the delivery meanwhile.
    private static final String APPLY_RESULTS = "UPDATE deliveries d SET status = u.status, attempts = d.attempts + 1,"
            + " next_attempt_at = CASE WHEN u.delay_ms IS NULL THEN NULL"
            + "   ELSE now() + u.delay_ms * interval '1 millisecond' END,"
            + " locked_until = NULL, lease_token = NULL, last_status_code = u.status_code, last_error = u.error,"
            + " updated_at = now()"
            + " FROM unnest(?::text[], ?::text[], ?::text[], ?::int8[], ?::int4[], ?::text[])"
            + "   AS u(id, lease_token, status, delay_ms, status_code, error)"
            + " WHERE d.id = u.id AND d.lease_token = CAST(u.lease_token AS uuid) AND d.status = 'pending'";

    private static final String RELEASE = "UPDATE deliveries d SET locked_until = NULL, lease_token = NULL"
            + " FROM unnest(?::text[], ?::text[]) AS u(id, lease_token)"
            + " WHERE d.id = u.id AND d.lease_token = CAST(u.lease_token AS uuid)";

    private static final String CANCEL_PENDING = "UPDATE deliveries SET status = 'cancelled',"
            + " next_attempt_at = NULL, locked_until = NULL, lease_token = NULL, updated_at = now()"
            + " WHERE endpoint_id = ? AND status = 'pending'";

    private static final String FAIL_PENDING = "UPDATE deliveries SET status = 'failed', last_error = ?,"
            + " next_attempt_at = NULL, locked_until = NULL, lease_token = NULL, updated_at = now()"
            + " WHERE endpoint_id = ? AND status = 'pending'";

    private final JdbcOperations jdbc;

    JdbcDeliveryStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** One pending delivery per pair, due now, in this order; an existing pair is left alone. */
    @Transactional
    public void createPending(List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(INSERT_PENDING, statement -> {
            setTexts(statement, 1, deliveries, delivery -> Ids.newId("dlv"));
            setTexts(statement, 2, deliveries, NewDelivery::eventId);
            setTexts(statement, 3, deliveries, NewDelivery::endpointId);
            setTexts(statement, 4, deliveries, NewDelivery::sessionId);
            return statement.executeUpdate();
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

    /** Fails what a disabled endpoint still had to receive, with {@code last_error}; recovery re-queues them. */
    @Transactional
    public int failPending(String endpointId, String error) {
        return jdbc.prepareStatement(FAIL_PENDING, statement -> {
            statement.setString(1, error);
            statement.setString(2, endpointId);
            return statement.executeUpdate();
        });
    }

    /**
     * @param limit most deliveries in all
     * @param perEndpoint most deliveries of one endpoint
     * @param fullEndpoints endpoints left out: they have no room for another attempt
     */
    @Transactional
    List<ClaimedDelivery> claimDue(int limit, int perEndpoint, Duration lease, Collection<String> fullEndpoints) {
        UUID leaseToken = UUID.randomUUID();
        return jdbc.prepareStatement(CLAIM_DUE, statement -> {
            statement.setInt(1, Math.min(limit, perEndpoint));
            statement.setArray(2, statement.getConnection().createArrayOf("text", fullEndpoints.toArray()));
            statement.setInt(3, limit);
            statement.setLong(4, lease.toMillis());
            statement.setObject(5, leaseToken);
            List<ClaimedDelivery> claimed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String previousSecret = rows.getString(7);
                    claimed.add(new ClaimedDelivery(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            previousSecret == null
                                    ? List.of(rows.getString(6))
                                    : List.of(rows.getString(6), previousSecret),
                            rows.getString(8),
                            rows.getInt(9),
                            rows.getObject(10, Integer.class),
                            rows.getBoolean(11),
                            rows.getString(12),
                            leaseToken));
                }
            }
            return claimed;
        });
    }

    /** Logs the attempts and moves their deliveries on, in one transaction. */
    @Transactional
    void recordAll(List<AttemptRecord> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(INSERT_ATTEMPTS, statement -> {
            setTexts(statement, 1, attempts, attempt -> Ids.newId("att"));
            setTexts(statement, 2, attempts, attempt -> attempt.delivery().deliveryId());
            setTexts(statement, 3, attempts, attempt -> attempt.delivery().endpointId());
            setTexts(statement, 4, attempts, attempt -> attempt.delivery().eventId());
            setTexts(statement, 5, attempts, attempt -> attempt.attemptedAt().toString());
            setArray(statement, 6, "int4", attempts, JdbcDeliveryStore::statusCode);
            setArray(statement, 7, "int4", attempts, attempt ->
                    (int) Math.min(Integer.MAX_VALUE, attempt.outcome().latencyMillis()));
            setTexts(
                    statement,
                    8,
                    attempts,
                    attempt -> attempt.outcome() instanceof SendOutcome.Responded responded ? responded.body() : null);
            setTexts(statement, 9, attempts, JdbcDeliveryStore::error);
            return statement.executeUpdate();
        });
        jdbc.prepareStatement(APPLY_RESULTS, statement -> {
            setTexts(statement, 1, attempts, attempt -> attempt.delivery().deliveryId());
            setTexts(statement, 2, attempts, attempt -> attempt.delivery()
                    .leaseToken()
                    .toString());
            setTexts(statement, 3, attempts, attempt -> switch (attempt.result()) {
                case DeliveryResult.Delivered delivered -> "delivered";
                case DeliveryResult.RetryIn retry -> "pending";
                case DeliveryResult.GaveUp gaveUp -> "failed";
                case DeliveryResult.EndpointGone gone -> "failed";
            });
            setArray(
                    statement,
                    4,
                    "int8",
                    attempts,
                    attempt -> attempt.result() instanceof DeliveryResult.RetryIn retry
                            ? retry.delay().toMillis()
                            : null);
            setArray(statement, 5, "int4", attempts, JdbcDeliveryStore::statusCode);
            setTexts(statement, 6, attempts, JdbcDeliveryStore::error);
            return statement.executeUpdate();
        });
    }

    /** Hands leased deliveries back at once, for another attempt, instead of at lease end. */
    @Transactional
    void release(Collection<ClaimedDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return;
        }
        List<ClaimedDelivery> list = List.copyOf(deliveries);
        jdbc.prepareStatement(RELEASE, statement -> {
            setTexts(statement, 1, list, ClaimedDelivery::deliveryId);
            setTexts(statement, 2, list, delivery -> delivery.leaseToken().toString());
            return statement.executeUpdate();
        });
    }

    private static Integer statusCode(AttemptRecord attempt) {
        return attempt.outcome() instanceof SendOutcome.Responded responded ? responded.statusCode() : null;
    }

    private static String error(AttemptRecord attempt) {
        return attempt.outcome() instanceof SendOutcome.Failed failed ? failed.error() : null;
    }

    private static <T> void setTexts(PreparedStatement statement, int index, List<T> rows, Function<T, String> column)
            throws SQLException {
        setArray(statement, index, "text", rows, column);
    }

    private static <T> void setArray(
            PreparedStatement statement, int index, String type, List<T> rows, Function<T, ?> column)
            throws SQLException {
        Object[] values = rows.stream().map(column).toArray();
        Array array = statement.getConnection().createArrayOf(type, values);
        statement.setArray(index, array);
    }
}
