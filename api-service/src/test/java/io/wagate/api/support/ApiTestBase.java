package io.wagate.api.support;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import io.wagate.testsupport.Infrastructure;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The service on a random port against real Kafka, PostgreSQL and Redis, with a database and a
 * topic prefix of its own and a known bootstrap admin key. Subclasses add {@code @MicronautTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiTestBase implements TestPropertyProvider {

    protected static final String ADMIN_KEY = "wag_" + "A".repeat(20) + "test-admin-key-0000000";

    protected final String topicPrefix = Infrastructure.uniqueTopicPrefix();
    protected final KafkaTopics topics = new KafkaTopics(Infrastructure.shared().kafkaBootstrapServers(), topicPrefix);

    @Inject
    protected EmbeddedServer server;

    protected ApiClient api;

    /** media-service's internal prepare endpoint, as its contract defines it. */
    protected final MediaServiceContractStub mediaService = new MediaServiceContractStub();

    private SessionServiceStandIn sessionService;

    @Override
    public Map<String, String> getProperties() {
        Infrastructure infra = Infrastructure.shared();
        Map<String, String> properties = new HashMap<>();
        infra.serviceProperties(infra.postgres().newDatabase(), topicPrefix)
                .forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("micronaut.server.port", "-1");
        properties.put("wagate.bootstrap.admin-key", ADMIN_KEY);
        properties.put("wagate.media-service.url", mediaService.url().toString());
        return properties;
    }

    /** session-service played over Kafka; started on first use, for sessions a test registers. */
    protected synchronized SessionServiceStandIn sessionService() {
        if (sessionService == null) {
            sessionService =
                    new SessionServiceStandIn(topics, Infrastructure.shared().kafkaBootstrapServers());
        }
        return sessionService;
    }

    @AfterAll
    void stopStandIns() throws InterruptedException {
        mediaService.close();
        if (sessionService != null) {
            sessionService.close();
        }
    }

    @BeforeEach
    void connectClient() {
        api = new ApiClient(server.getURI());
    }

    /** A new organization and the key of its first, non-admin member. */
    protected String newOrganizationKey(String name) {
        var reply = api.post("/v1/organizations", ADMIN_KEY, Map.of("name", name));
        if (reply.status() != 201) {
            throw new IllegalStateException("creating organization failed: " + reply);
        }
        return reply.text("/api_key/key");
    }

    protected String organizationOf(String key) {
        return api.post("/internal/v1/api-keys/introspect", null, Map.of("key", key))
                .text("/organization_id");
    }

    protected String newSession(String key) {
        var reply = api.post("/v1/sessions", key, Map.of("name", "test"));
        if (reply.status() != 201) {
            throw new IllegalStateException("creating session failed: " + reply);
        }
        return reply.text("/id");
    }

    /** A session of the key's organization that session-service has reported connected. */
    protected String connectedSession(String key) {
        String sessionId = newSession(key);
        topics.publishEvent(Events.statusChanged(
                sessionId,
                organizationOf(key),
                io.wagate.schemas.v1.SessionStatus.CONNECTED,
                "scanned",
                "5511988887777",
                Instant.now()));
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .until(() -> api.get("/v1/sessions/" + sessionId, key)
                        .text("/status")
                        .equals("connected"));
        return sessionId;
    }

    protected static Instant now() {
        return Instant.now();
    }
}
