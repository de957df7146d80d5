package io.wagate.bench;

import io.wagate.testsupport.Infrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * Failover time: session-service instances run as processes of their own, sharing the sessions by
 * Kafka partition; the one with the most partitions is killed with SIGKILL (no clean close, no
 * leaving the consumer group), and the clock runs until every session it ran has announced
 * {@code connected} again from a survivor. Then a replacement starts, the group settles, and the
 * next round kills again.
 *
 * <p>System properties: {@code bench.instances} (3), {@code bench.sessions} (300), {@code
 * bench.partitions} (12), {@code bench.rounds} (3), {@code bench.session-timeout-ms} (6000: how long
 * the group waits for a silent member; the broker's minimum), {@code bench.echo} (false: show the
 * services' logs). The {@code WAGATE_*} environment variables pick external Kafka/PostgreSQL/Redis.
 */
public final class FailoverBenchmark {

    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private FailoverBenchmark() {}

    public static void main(String[] args) throws Exception {
        Exits.onMainFailure();
        int instances = Integer.getInteger("bench.instances", 3);
        int sessions = Integer.getInteger("bench.sessions", 300);
        int partitions = Integer.getInteger("bench.partitions", 12);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int sessionTimeoutMs = Integer.getInteger("bench.session-timeout-ms", 6000);
        boolean echo = Boolean.getBoolean("bench.echo");

        List<Long> failovers = new ArrayList<>();
        List<SessionServiceProcess> running = new ArrayList<>();
        try (Infrastructure infrastructure = Infrastructure.start(System.getenv())) {
            String topicPrefix = Infrastructure.uniqueTopicPrefix();
            Map<String, Object> properties = SessionBench.properties(infrastructure, topicPrefix, partitions);
            properties.put("kafka.session.timeout.ms", sessionTimeoutMs);
            properties.put("kafka.heartbeat.interval.ms", Math.max(500, sessionTimeoutMs / 6));
            // Sessions, not sends, are measured here.
            properties.put("wagate.rate-limits.session.capacity", 1000);
            try (SessionFleet fleet = new SessionFleet(infrastructure, topicPrefix);
                    Admin admin = Admin.create(Map.of(
                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
                int started = 0;
                for (int i = 0; i < instances; i++) {
                    SessionServiceProcess instance =
                            SessionServiceProcess.start("instance-" + (++started), "384m", properties, echo);
                    running.add(instance);
                    // The first one creates the topics; the others join its group.
                    instance.awaitReady();
                }
                Instant asked = Instant.now();
                List<String> all = fleet.connect(sessions);
                Instant connected = fleet.awaitConnectedAfter(all, asked, PATIENCE);
                System.out.printf(
                        "%d sessions paired and connected on %d instances in %d ms%n",
                        sessions, instances, Duration.between(asked, connected).toMillis());

                String group = topicPrefix + "session-service";
                for (int round = 1; round <= rounds; round++) {
                    awaitSettled(fleet, all);
                    Map<String, Set<Integer>> assignment = assignment(admin, group);
                    SessionServiceProcess victim = running.stream()
                            .max(Comparator.comparingInt(instance -> assignment
                                    .getOrDefault(instance.name(), Set.of())
                                    .size()))
                            .orElseThrow();
                    Set<Integer> lost = assignment.getOrDefault(victim.name(), Set.of());
                    List<String> orphans = all.stream()
                            .filter(id -> lost.contains(SessionBench.partitionOf(id, partitions)))
                            .toList();

                    Instant killed = Instant.now();
                    victim.kill();
                    running.remove(victim);
                    Instant back = fleet.awaitConnectedAfter(orphans, killed, PATIENCE);
                    long millis = Duration.between(killed, back).toMillis();
                    failovers.add(millis);
                    System.out.printf(
                            "round %d: killed %s (partitions %s, %d sessions); all connected again on the %d survivors"
                                    + " %d ms later; new QRs shown: %d%n",
                            round,
                            victim.name(),
                            lost,
                            orphans.size(),
                            running.size(),
                            millis,
                            fleet.qrsAfter(orphans, killed));

                    SessionServiceProcess replacement =
                            SessionServiceProcess.start("instance-" + (++started), "384m", properties, echo);
                    running.add(replacement);
                    replacement.awaitReady();
                }
                List<Long> sorted = failovers.stream().sorted().toList();
                System.out.printf(
                        "RESULT: failover (SIGKILL -> every session of the killed instance connected again) over %d"
                                + " rounds: min %d ms, median %d ms, max %d ms; %d instances, %d sessions, %d"
                                + " partitions, session.timeout.ms=%d%n",
                        rounds,
                        sorted.getFirst(),
                        sorted.get(sorted.size() / 2),
                        sorted.getLast(),
                        instances,
                        sessions,
                        partitions,
                        sessionTimeoutMs);
            } finally {
                running.forEach(SessionServiceProcess::close);
            }
        }
        System.exit(0);
    }

    /** Waits until every session is connected, so a round starts from a quiet group. */
    private static void awaitSettled(SessionFleet fleet, List<String> sessions) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        awaitConnected(fleet, sessions, deadline);
        // A replacement's rebalance may still be moving partitions: let it finish.
        SessionServiceProcess.pause(Duration.ofSeconds(3));
        awaitConnected(fleet, sessions, deadline);
    }

    private static void awaitConnected(SessionFleet fleet, List<String> sessions, long deadline) {
        while (fleet.connected(sessions) < sessions.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sessions did not settle within " + PATIENCE);
            }
            SessionServiceProcess.pause(Duration.ofMillis(100));
        }
    }

    /** Which commands-topic partitions each instance (by client id) owns now. */
    private static Map<String, Set<Integer>> assignment(Admin admin, String group) throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(group);
        return description.members().stream()
                .collect(Collectors.toMap(
                        FailoverBenchmark::instanceOf,
                        member -> member.assignment().topicPartitions().stream()
                                .map(TopicPartition::partition)
                                .collect(Collectors.toSet()),
                        (a, b) -> a));
    }

    /** Each instance's command consumer is named after it ({@code wagate.kafka.client-id}). */
    private static String instanceOf(MemberDescription member) {
        return member.clientId();
    }
}
