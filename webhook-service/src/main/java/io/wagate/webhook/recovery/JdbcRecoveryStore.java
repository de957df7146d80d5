package io.wagate.webhook.recovery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.wagate.webhook.delivery.JdbcDeliveryStore;
import io.wagate.webhook.delivery.NewDelivery;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Puts deliveries back in the queue: one by hand, or everything an endpoint missed since a time. */
@Singleton
class JdbcRecoveryStore {

    // A delivery in flight keeps its lease; it is only made due again.
    private static final String MAKE_DUE = "UPDATE deliveries SET status = 'pending', next_attempt_at = now(),"
            + " updated_at = now() WHERE id = ? AND endpoint_id = ? AND status IN ('pending', 'delivered', 'failed')";

    private static final String REQUEUE_FAILED = "UPDATE deliveries SET status = 'pending', attempts = 0,"
            + " next_attempt_at = now(), locked_until = NULL, lease_token = NULL, updated_at = now()"
            + " WHERE endpoint_id = ? AND status = 'failed' AND created_at >= ?";

    // Events stored while the endpoint was disabled never got a delivery: it gets one now, in order.
    // It never gets the event announcing that it was disabled.
    private static final String MISSED_EVENTS = "SELECT e.id, e.session_id FROM events e"
            + " JOIN endpoints p ON p.id = ? AND p.organization_id = e.organization_id"
            + " WHERE e.received_at >= ? AND e.received_at >= p.created_at"
            + "   AND (cardinality(p.event_types) = 0 OR e.type = ANY (p.event_types))"
            + "   AND (cardinality(p.session_ids) = 0 OR e.session_id IS NULL OR e.session_id = ANY (p.session_ids))"
            + "   AND NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.event_id = e.id AND d.endpoint_id = p.id)"
            + "   AND NOT (e.type = 'webhook.endpoint.disabled' AND e.payload::jsonb #>> '{data,endpoint_id}' = p.id)"
            + " ORDER BY e.seq";

    private final JdbcOperations jdbc;
    private final JdbcDeliveryStore deliveries;

    JdbcRecoveryStore(JdbcOperations jdbc, JdbcDeliveryStore deliveries) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
    }

    /** @return whether the delivery is the endpoint's and could be made due */
    @Transactional
    boolean makeDue(String endpointId, String deliveryId) {
        return jdbc.prepareStatement(MAKE_DUE, statement -> {
                    statement.setString(1, deliveryId);
                    statement.setString(2, endpointId);
                    return statement.executeUpdate();
                })
                == 1;
    }

    /**
     * Failed deliveries created since then start their retry schedule over, and events stored since
     * then that the endpoint never got a delivery of get one, in one transaction.
     *
     * @return how many deliveries are due now
     */
    @Transactional
    int requeueSince(String endpointId, Instant since) {
        int failed = requeueFailed(endpointId, since);
        List<NewDelivery> missed = missedEvents(endpointId, since);
        deliveries.createPending(missed);
        return failed + missed.size();
    }

    private int requeueFailed(String endpointId, Instant since) {
        return jdbc.prepareStatement(REQUEUE_FAILED, statement -> {
            statement.setString(1, endpointId);
            statement.setObject(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            return statement.executeUpdate();
        });
    }

    private List<NewDelivery> missedEvents(String endpointId, Instant since) {
        return jdbc.prepareStatement(MISSED_EVENTS, statement -> {
            statement.setString(1, endpointId);
            statement.setObject(2, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            List<NewDelivery> missed = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    missed.add(new NewDelivery(rows.getString(1), endpointId, rows.getString(2)));
                }
            }
            return missed;
        });
    }
}
