package io.wagate.webhook.testing;

import io.wagate.testsupport.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the service's tables directly, to check what it stored. */
public record WebhookDatabase(String jdbcUrl, PostgresServer server) {

    public List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, server.user(), server.password());
                PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setSchema("webhook");
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public Map<String, Object> deliveryOf(String eventId, String endpointId) {
        List<Map<String, Object>> rows =
                rows("SELECT * FROM deliveries WHERE event_id = ? AND endpoint_id = ?", eventId, endpointId);
        return rows.isEmpty() ? null : rows.getFirst();
    }
}
