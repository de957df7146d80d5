package io.wagate.session.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** The message index forgets messages older than its retention (the default 30 days), in batches, on schedule. */
@ExtendWith(InfrastructureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageKeyRetentionIT {

    private static final String AUTH_STATE_KEY = "it-key:" + "Y2hhbmdlLW1lLXRoaXMtaXMtYS10ZXN0LWtleS0zMmI=";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private EmbeddedServer service;
    private String jdbcUrl;
    private Infrastructure infra;

    @BeforeAll
    void startTheService(Infrastructure infra) {
        this.infra = infra;
        jdbcUrl = infra.postgres().newDatabase();
        Map<String, Object> properties =
                new HashMap<>(infra.serviceProperties(jdbcUrl, Infrastructure.uniqueTopicPrefix()));
        properties.put("micronaut.server.port", -1);
        properties.put("wagate.session.auth-state.keys", AUTH_STATE_KEY);
        properties.put("wagate.messages.key-cleanup-interval", "300ms");
        service = ApplicationContext.run(EmbeddedServer.class, properties);
    }

    @AfterAll
    void stopTheService() {
        if (service != null) {
            service.getApplicationContext().close();
        }
    }

    @Test
    void messagesSentLongerAgoThanTheRetentionAreForgottenAndRecentOnesKept() throws SQLException {
        // Given more old rows than one batch deletes, and recent ones, across two sessions
        int old = MessageKeyRetention.BATCH * 2 + 500;
        insert("sess_retention_a", "OLD", old / 2, "31 days");
        insert("sess_retention_b", "OLD", old - old / 2, "30 days 1 hour");
        insert("sess_retention_a", "NEW", 3, "29 days");
        insert("sess_retention_b", "NEW", 2, "1 minute");

        // When the cleanup has run
        await().atMost(PATIENCE).until(() -> count("wa_message_id LIKE 'OLD%'") == 0);

        // Then every recent row is still there
        assertThat(count("wa_message_id LIKE 'NEW%'")).isEqualTo(5);
    }

    @Test
    void theRetentionFindsOldRowsThroughAnIndexOnSentAt() throws SQLException {
        try (Connection connection = connect();
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT indexdef FROM pg_indexes"
                        + " WHERE schemaname = 'session' AND indexname = 'message_keys_sent_at_idx'")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).contains("(sent_at)");
        }
    }

    private void insert(String sessionId, String prefix, int rows, String age) throws SQLException {
        try (Connection connection = connect();
                var statement = connection.prepareStatement("INSERT INTO session.message_keys"
                        + " (session_id, wa_message_id, message_id, chat, sender, from_me, inbound, kind, preview,"
                        + " sent_at)"
                        + " SELECT ?, ? || g, ? || g, '5511900000004@s.whatsapp.net', NULL, true, false, 'text',"
                        + " 'hi', now() - CAST(? AS interval) FROM generate_series(1, ?) g")) {
            statement.setString(1, sessionId);
            statement.setString(2, prefix);
            statement.setString(3, "msg_" + sessionId + "_" + prefix);
            statement.setString(4, age);
            statement.setInt(5, rows);
            statement.executeUpdate();
        }
    }

    private int count(String condition) throws SQLException {
        try (Connection connection = connect();
                var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT count(*) FROM session.message_keys WHERE " + condition)) {
            result.next();
            return result.getInt(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(
                jdbcUrl, infra.postgres().user(), infra.postgres().password());
    }
}
