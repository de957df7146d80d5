package io.wagate.bench;

import io.micronaut.context.ApplicationContext;
import io.wagate.testsupport.Infrastructure;
import io.wagate.webhook.endpoint.EndpointEntity;
import io.wagate.webhook.endpoint.JdbcEndpointRepository;
import io.wagate.webhook.signing.WebhookSecret;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deliveries per second, end to end: events produced to Kafka, consumed and stored by webhook-service
 * (running in this JVM, on real Kafka and PostgreSQL from test-support), signed and POSTed to local
 * receivers, counted as they arrive. Every event goes to every endpoint. A warm-up round runs first.
 *
 * <p>System properties: {@code bench.events} (20000), {@code bench.endpoints} (4), {@code bench.sessions}
 * (200), {@code bench.warmup} (10000, to let the JIT compile the hot paths first), {@code bench.rate}
 * (events per second; 0, the default, produces them all at once and measures throughput; a rate below
 * it measures latency under that load); any {@code wagate.webhooks.*} key tunes the service. The
 * {@code WAGATE_*} environment variables pick external Kafka/PostgreSQL, as for the tests.
 */
public final class WebhookThroughputBenchmark {

    private static final String ORGANIZATION = "org_bench";
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private WebhookThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        Exits.onMainFailure();
        int events = Integer.getInteger("bench.events", 20_000);
        int endpoints = Integer.getInteger("bench.endpoints", 4);
        int sessions = Integer.getInteger("bench.sessions", 200);
        int warmup = Integer.getInteger("bench.warmup", 10_000);
        int rate = Integer.getInteger("bench.rate", 0);

        Map<String, Long> producedAt = new ConcurrentHashMap<>();
        try (Infrastructure infrastructure = Infrastructure.start(System.getenv());
                BenchReceiver receiver = new BenchReceiver(producedAt)) {
            String jdbcUrl = infrastructure.postgres().newDatabase();
            String topicPrefix = Infrastructure.uniqueTopicPrefix();
            Map<String, Object> properties = new HashMap<>(infrastructure.serviceProperties(jdbcUrl, topicPrefix));
            properties.put("micronaut.server.port", -1);
            properties.put("wagate.webhooks.allowed-hosts", "127.0.0.1");
            properties.put("datasources.default.maximum-pool-size", 10);
            try (ApplicationContext service = ApplicationContext.run(properties);
                    EventFeed feed = new EventFeed(
                            infrastructure.kafkaBootstrapServers(), topicPrefix, ORGANIZATION, producedAt)) {
                registerEndpoints(service, receiver, endpoints);
                System.out.printf(
                        "PostgreSQL %s, %s%n", durability(jdbcUrl, infrastructure), infrastructure.postgres());
                if (warmup > 0) {
                    Result warm = run(feed, receiver, warmup, endpoints, sessions, 0);
                    System.out.printf("warm-up: %s%n", warm);
                }
                Result result = run(feed, receiver, events, endpoints, sessions, rate);
                System.out.printf("RESULT: %s%n", result);
            }
        }
        System.exit(0);
    }

    private static void registerEndpoints(ApplicationContext service, BenchReceiver receiver, int endpoints) {
        JdbcEndpointRepository repository = service.getBean(JdbcEndpointRepository.class);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < endpoints; i++) {
            repository.save(new EndpointEntity(
                    "whk_bench_" + i,
                    ORGANIZATION,
                    receiver.hook(i),
                    "bench receiver " + i,
                    new String[0],
                    new String[0],
                    WebhookSecret.generate().encoded(),
                    null,
                    null,
                    true,
                    null,
                    null,
                    null,
                    "best_effort",
                    now,
                    now,
                    null));
        }
    }

    private static Result run(EventFeed feed, BenchReceiver receiver, int events, int endpoints, int sessions, int rate)
            throws InterruptedException {
        int expected = events * endpoints;
        receiver.reset(expected);
        long started = System.nanoTime();
        feed.produce(events, sessions, rate);
        long produced = System.nanoTime();
        long deadline = started + PATIENCE.toNanos();
        while (receiver.delivered() < expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        long finished = receiver.delivered() >= expected ? receiver.lastArrivalNanos() : System.nanoTime();
        return new Result(
                events,
                endpoints,
                receiver.delivered(),
                receiver.duplicates(),
                Duration.ofNanos(produced - started),
                Duration.ofNanos(finished - started),
                receiver.latencies().percentileMillis(0.50),
                receiver.latencies().percentileMillis(0.99),
                receiver.latencies().percentileMillis(1.0));
    }

    private static String durability(String jdbcUrl, Infrastructure infrastructure) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                        jdbcUrl,
                        infrastructure.postgres().user(),
                        infrastructure.postgres().password());
                ResultSet settings = connection
                        .createStatement()
                        .executeQuery("SELECT current_setting('fsync'), current_setting('synchronous_commit')")) {
            settings.next();
            return "fsync=" + settings.getString(1) + " synchronous_commit=" + settings.getString(2);
        }
    }

    record Result(
            int events,
            int endpoints,
            int delivered,
            long duplicates,
            Duration producing,
            Duration elapsed,
            double p50Millis,
            double p99Millis,
            double maxMillis) {

        double deliveriesPerSecond() {
            return delivered / (elapsed.toNanos() / 1e9);
        }

        @Override
        public String toString() {
            return String.format(
                    "%d events x %d endpoints: %d deliveries in %.2f s = %.0f deliveries/s end to end"
                            + " (producing took %.2f s; latency produced->received p50 %.0f ms, p99 %.0f ms,"
                            + " max %.0f ms; %d redelivered)",
                    events,
                    endpoints,
                    delivered,
                    elapsed.toNanos() / 1e9,
                    deliveriesPerSecond(),
                    producing.toNanos() / 1e9,
                    p50Millis,
                    p99Millis,
                    maxMillis,
                    duplicates);
        }
    }
}
