package io.wagate.api.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.wagate.api.session.Session;
import io.wagate.api.session.SessionRepository;
import io.wagate.api.session.SessionStatus;
import io.wagate.api.support.ApiClient;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.Ports;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With no broker to take commands, writes answer 503 quickly and leave nothing claiming otherwise. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaUnavailableIT {

    private static final String ADMIN_KEY = "wag_kafka-unavailable-admin-key-000000000000";

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(4);

    private EmbeddedServer server;
    private ApiClient api;

    @BeforeAll
    void startWithoutABroker() {
        Infrastructure infra = Infrastructure.shared();
        Map<String, Object> properties = new HashMap<>(
                infra.serviceProperties(infra.postgres().newDatabase(), Infrastructure.uniqueTopicPrefix()));
        properties.put("kafka.bootstrap.servers", "127.0.0.1:" + Ports.free());
        properties.put("wagate.kafka.ack-timeout", ACK_TIMEOUT.toSeconds() + "s");
        properties.put("wagate.bootstrap.admin-key", ADMIN_KEY);
        properties.put("micronaut.server.port", -1);
        server = ApplicationContext.run(EmbeddedServer.class, properties);
        api = new ApiClient(server.getURI());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.getApplicationContext().close();
        }
    }

    @Test
    void creatingASessionAnswersUnavailableWithinTheAckTimeoutAndKeepsNoSession() {
        // When
        long started = System.nanoTime();
        var reply = api.post("/v1/sessions", ADMIN_KEY, Map.of("name", "never started"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        // Then
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.errorCode()).isEqualTo("unavailable");
        assertThat(took).isBetween(ACK_TIMEOUT, ACK_TIMEOUT.plusMillis(3000));
        assertThat(api.get("/v1/sessions", ADMIN_KEY).body().at("/data").size()).isZero();
    }

    @Test
    void sendingAnswersUnavailableWhenTheCommandIsNotAcknowledged() {
        // Given: a session already connected before the broker went away
        String organizationId = api.post("/internal/v1/api-keys/introspect", null, Map.of("key", ADMIN_KEY))
                .text("/organization_id");
        Instant now = Instant.now();
        server.getApplicationContext()
                .getBean(SessionRepository.class)
                .save(new Session(
                        "sess_connected", organizationId, null, SessionStatus.CONNECTED, null, null, now, now, now));

        // When
        var reply = api.post(
                "/v1/sessions/sess_connected/messages",
                ADMIN_KEY,
                Map.of("to", "5511999999999", "type", "text", "text", "hi"));

        // Then
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.errorCode()).isEqualTo("unavailable");
    }
}
