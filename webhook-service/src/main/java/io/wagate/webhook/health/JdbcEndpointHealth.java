package io.wagate.webhook.health;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.wagate.webhook.delivery.AttemptRecord;
import io.wagate.webhook.delivery.DeliveryConfig;
import io.wagate.webhook.delivery.DeliveryResult;
import io.wagate.webhook.delivery.EndpointHealth;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keeps {@code endpoints.failing_since}: set by an endpoint's first failed attempt, cleared by any
 * success. An endpoint whose every attempt failed for {@code disable-after}, or that answered 410, is
 * disabled by the {@link EndpointDisabler}.
 */
@Singleton
class JdbcEndpointHealth implements EndpointHealth {

    private static final String MARK_FAILING =
            "UPDATE endpoints SET failing_since = now() WHERE id = ANY (?::text[]) AND failing_since IS NULL";
    private static final String MARK_HEALTHY =
            "UPDATE endpoints SET failing_since = NULL WHERE id = ANY (?::text[]) AND failing_since IS NOT NULL";
    private static final String FAILING_TOO_LONG = "SELECT id FROM endpoints WHERE id = ANY (?::text[]) AND enabled"
            + " AND failing_since <= now() - (CAST(? AS bigint) * interval '1 millisecond')";

    private final JdbcOperations jdbc;
    private final EndpointDisabler disabler;
    private final long disableAfterMillis;

    JdbcEndpointHealth(JdbcOperations jdbc, EndpointDisabler disabler, DeliveryConfig config) {
        this.jdbc = jdbc;
        this.disabler = disabler;
        this.disableAfterMillis = config.disableAfter().toMillis();
    }

    @Override
    @Transactional
    public void afterAttempts(List<AttemptRecord> recorded) {
        Map<String, DeliveryResult> lastResultByEndpoint = new LinkedHashMap<>();
        Set<String> gone = new LinkedHashSet<>();
        for (AttemptRecord attempt : recorded) {
            lastResultByEndpoint.put(attempt.delivery().endpointId(), attempt.result());
            if (attempt.result() instanceof DeliveryResult.EndpointGone) {
                gone.add(attempt.delivery().endpointId());
            }
        }
        List<String> healthy = new ArrayList<>();
        List<String> failing = new ArrayList<>();
        lastResultByEndpoint.forEach((endpointId, result) ->
                (result instanceof DeliveryResult.Delivered ? healthy : failing).add(endpointId));
        update(MARK_HEALTHY, healthy);
        update(MARK_FAILING, failing);
        for (String endpointId : failingTooLong(failing)) {
            disabler.disable(endpointId, EndpointDisabler.REASON_FAILING);
        }
        for (String endpointId : gone) {
            disabler.disable(endpointId, EndpointDisabler.REASON_GONE);
        }
    }

    private void update(String sql, List<String> endpointIds) {
        if (endpointIds.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(sql, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text", endpointIds.toArray()));
            return statement.executeUpdate();
        });
    }

    private List<String> failingTooLong(List<String> failing) {
        if (failing.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement(FAILING_TOO_LONG, statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("text", failing.toArray()));
            statement.setLong(2, disableAfterMillis);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        });
    }
}
