package io.wagate.webhook.health;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.wagate.webhook.delivery.JdbcDeliveryStore;
import io.wagate.webhook.event.WebhookEventMapper;
import io.wagate.webhook.ingest.EventIngestor;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disables an endpoint on the service's own initiative, in one transaction: the endpoint stops
 * receiving, what it still had pending fails ({@code endpoint_disabled}, for recovery to re-queue),
 * and a {@code webhook.endpoint.disabled} event goes to the organization's other enabled endpoints
 * that want it (and to its event stream).
 */
@Singleton
class EndpointDisabler {

    static final String REASON_GONE = "gone";
    static final String REASON_FAILING = "failing";

    private static final Logger LOG = LoggerFactory.getLogger(EndpointDisabler.class);

    private static final String DISABLE =
            "UPDATE endpoints SET enabled = false, disabled_reason = ?, updated_at = now()"
                    + " WHERE id = ? AND enabled AND deleted_at IS NULL RETURNING organization_id, url";

    private final JdbcOperations jdbc;
    private final JdbcDeliveryStore deliveries;
    private final EventIngestor ingestor;
    private final WebhookEventMapper events;

    EndpointDisabler(
            JdbcOperations jdbc, JdbcDeliveryStore deliveries, EventIngestor ingestor, WebhookEventMapper events) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.ingestor = ingestor;
        this.events = events;
    }

    /** @return whether it was enabled until now */
    @Transactional
    boolean disable(String endpointId, String reason) {
        List<String> disabled = jdbc.prepareStatement(DISABLE, statement -> {
            statement.setString(1, reason);
            statement.setString(2, endpointId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? List.of(row.getString(1), row.getString(2)) : List.<String>of();
            }
        });
        if (disabled.isEmpty()) {
            return false;
        }
        String organizationId = disabled.get(0);
        String url = disabled.get(1);
        int failed = deliveries.failPending(endpointId, "endpoint_disabled");
        ingestor.ingest(List.of(events.endpointDisabled(organizationId, endpointId, url, reason)));
        LOG.warn(
                "Disabled endpoint {} of {} ({}); {} pending deliveries failed",
                endpointId,
                organizationId,
                reason,
                failed);
        return true;
    }
}
