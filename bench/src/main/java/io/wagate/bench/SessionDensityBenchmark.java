package io.wagate.bench;

import io.wagate.testsupport.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How much an idle connected session costs: one session-service instance (a process of its own, so
 * the broker's and the database's memory are not counted) pairs and connects {@code bench.sessions}
 * simulated sessions; the heap in use after a full collection, before and after, divided by the
 * sessions is the heap per idle connected session. A warm-up batch connects first, so what the
 * service allocates once (JIT, pools, caches) is in the baseline, not in the per-session figure.
 *
 * <p>System properties: {@code bench.sessions} (10000), {@code bench.warmup} (500), {@code
 * bench.heap} (2g), {@code bench.scan-delay} (50ms: from the QR to the simulated scan), {@code
 * bench.echo} (false).
 */
public final class SessionDensityBenchmark {

    private static final Duration PATIENCE = Duration.ofMinutes(20);
    private static final Duration SETTLE = Duration.ofSeconds(10);

    private SessionDensityBenchmark() {}

    public static void main(String[] args) throws Exception {
        Exits.onMainFailure();
        int sessions = Integer.getInteger("bench.sessions", 10_000);
        int warmup = Integer.getInteger("bench.warmup", 500);
        String heap = System.getProperty("bench.heap", "2g");
        boolean echo = Boolean.getBoolean("bench.echo");

        try (Infrastructure infrastructure = Infrastructure.start(System.getenv())) {
            String topicPrefix = Infrastructure.uniqueTopicPrefix();
            Map<String, Object> properties = SessionBench.properties(infrastructure, topicPrefix, 12);
            try (SessionServiceProcess service = SessionServiceProcess.start("density", heap, properties, echo);
                    SessionFleet fleet = new SessionFleet(infrastructure, topicPrefix)) {
                service.awaitReady();
                Instant warm = Instant.now();
                fleet.awaitConnectedAfter(fleet.connect(warmup), warm, PATIENCE);
                SessionServiceProcess.pause(SETTLE);
                SessionServiceProcess.Footprint before = service.footprint();
                Map<String, long[]> classesBefore = service.histogram();

                Instant asked = Instant.now();
                List<String> measured = fleet.connect(sessions);
                Instant connected = fleet.awaitConnectedAfter(measured, asked, PATIENCE);
                System.out.printf(
                        "%d sessions paired and connected in %d ms%n",
                        sessions, Duration.between(asked, connected).toMillis());
                SessionServiceProcess.pause(SETTLE);
                SessionServiceProcess.Footprint after = service.footprint();
                printGrowth(classesBefore, service.histogram(), sessions);

                double perSession = (after.heapUsedBytes() - before.heapUsedBytes()) / sessions;
                System.out.printf(
                        "RESULT: %d idle connected sessions on one instance: heap in use after a full GC %.1f MiB ->"
                                + " %.1f MiB, %.0f bytes (%.2f KiB) per session; platform threads %d -> %d%n",
                        sessions + warmup,
                        before.heapUsedBytes() / (1024 * 1024),
                        after.heapUsedBytes() / (1024 * 1024),
                        perSession,
                        perSession / 1024,
                        before.platformThreads(),
                        after.platformThreads());
            }
        }
        System.exit(0);
    }

    /** The classes whose live instances grew most, per session: where an idle session's bytes go. */
    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int sessions) {
        System.out.println("largest growth per session (instances, bytes):");
        after.entrySet().stream()
                .map(entry -> {
                    long[] was = before.getOrDefault(entry.getKey(), new long[2]);
                    return Map.entry(
                            entry.getKey(), new long[] {entry.getValue()[0] - was[0], entry.getValue()[1] - was[1]});
                })
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(Integer.getInteger("bench.top-classes", 25))
                .forEach(entry -> System.out.printf(
                        "  %8.2f %8.0f  %s%n",
                        (double) entry.getValue()[0] / sessions,
                        (double) entry.getValue()[1] / sessions,
                        entry.getKey()));
    }
}
