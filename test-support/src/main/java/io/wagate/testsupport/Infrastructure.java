package io.wagate.testsupport;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker, PostgreSQL server and Redis server, each found the first way that works: the
 * {@code WAGATE_*} environment variables, then Testcontainers when a Docker engine answers, then
 * embedded in this JVM (or spawned from a binary shipped in a Maven artifact).
 *
 * <ul>
 *   <li>{@code WAGATE_KAFKA_BOOTSTRAP_SERVERS} — e.g. {@code 127.0.0.1:9092}
 *   <li>{@code WAGATE_POSTGRES_URL} — e.g. {@code postgres://postgres:secret@127.0.0.1:5432}
 *   <li>{@code WAGATE_REDIS_URL} — e.g. {@code redis://127.0.0.1:6379}
 * </ul>
 */
public final class Infrastructure implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);
    private static Infrastructure shared;

    private final String kafkaBootstrapServers;
    private final PostgresServer postgres;
    private final String redisUri;
    private final List<AutoCloseable> owned;

    private Infrastructure(
            String kafkaBootstrapServers, PostgresServer postgres, String redisUri, List<AutoCloseable> owned) {
        this.kafkaBootstrapServers = kafkaBootstrapServers;
        this.postgres = postgres;
        this.redisUri = redisUri;
        this.owned = owned;
    }

    /** The infrastructure every test in this JVM shares; started on first use, stopped at exit. */
    public static synchronized Infrastructure shared() {
        if (shared == null) {
            shared = start(Map.copyOf(System.getenv()));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "wagate-infrastructure-stop"));
        }
        return shared;
    }

    /** Resolves each part from the given environment; the caller closes what was started. */
    public static Infrastructure start(Map<String, String> env) {
        return start(env, DockerProbe.dockerAnswers(env));
    }

    /** Like {@link #start(Map)}, but embeds what the environment does not name, Docker or not. */
    public static Infrastructure startWithoutContainers(Map<String, String> env) {
        return start(env, false);
    }

    private static Infrastructure start(Map<String, String> env, boolean docker) {
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            String kafka = Optional.ofNullable(env.get("WAGATE_KAFKA_BOOTSTRAP_SERVERS"))
                    .orElseGet(() -> startKafka(docker, owned));
            PostgresServer postgres = Optional.ofNullable(env.get("WAGATE_POSTGRES_URL"))
                    .map(Infrastructure::parsePostgres)
                    .orElseGet(() -> startPostgres(docker, owned));
            String redis = Optional.ofNullable(env.get("WAGATE_REDIS_URL")).orElseGet(() -> startRedis(docker, owned));
            LOG.info(
                    "Infrastructure: Kafka {}, PostgreSQL {}:{}, Redis {}",
                    kafka,
                    postgres.host(),
                    postgres.port(),
                    redis);
            return new Infrastructure(kafka, postgres, redis, owned);
        } catch (RuntimeException e) {
            new Infrastructure(null, null, null, owned).close();
            throw e;
        }
    }

    private static String startKafka(boolean docker, List<AutoCloseable> owned) {
        if (docker) {
            var container = Containers.kafka();
            owned.add(container::stop);
            return container.getBootstrapServers();
        }
        var kafka = EmbeddedKafka.start(6);
        owned.add(kafka);
        return kafka.bootstrapServers();
    }

    private static PostgresServer startPostgres(boolean docker, List<AutoCloseable> owned) {
        if (docker) {
            var container = Containers.postgres();
            owned.add(container::stop);
            return new PostgresServer(
                    container.getHost(),
                    container.getFirstMappedPort(),
                    container.getUsername(),
                    container.getPassword());
        }
        var postgres = EmbeddedPostgresServer.start();
        owned.add(postgres);
        return postgres.server();
    }

    private static String startRedis(boolean docker, List<AutoCloseable> owned) {
        if (docker) {
            var container = Containers.redis();
            owned.add(container::stop);
            return "redis://" + container.getHost() + ":" + container.getFirstMappedPort();
        }
        var redis = EmbeddedRedisServer.start();
        owned.add(redis);
        return redis.uri();
    }

    static PostgresServer parsePostgres(String url) {
        URI uri = URI.create(url.replaceFirst("^jdbc:", "").replaceFirst("^postgresql:", "postgres:"));
        String user = "postgres";
        String password = "";
        if (uri.getUserInfo() != null) {
            String[] parts = uri.getUserInfo().split(":", 2);
            user = parts[0];
            password = parts.length > 1 ? parts[1] : "";
        }
        return new PostgresServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public String redisUri() {
        return redisUri;
    }

    /**
     * Configuration for one wagate service with a database and a topic prefix of its own, in
     * Micronaut property names.
     */
    public Map<String, Object> serviceProperties(String jdbcUrl, String topicPrefix) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        properties.put("wagate.kafka.topic-prefix", topicPrefix);
        properties.put("datasources.default.url", jdbcUrl);
        properties.put("datasources.default.username", postgres.user());
        properties.put("datasources.default.password", postgres.password());
        properties.put("redis.uri", redisUri);
        return properties;
    }

    /** A topic prefix no other test uses, so tests sharing one broker never see each other's records. */
    public static String uniqueTopicPrefix() {
        return "t" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    @Override
    public void close() {
        for (AutoCloseable resource : owned.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed", resource, e);
            }
        }
        owned.clear();
    }
}
