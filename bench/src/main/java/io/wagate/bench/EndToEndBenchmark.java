package io.wagate.bench;

import io.wagate.devstack.DevStack;
import io.wagate.devstack.Service;
import io.wagate.schemas.CommandCodec;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.TextContent;
import io.wagate.testsupport.Infrastructure;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway end to end at rising load, beside two baselines measured in the same run on the same
 * machine with the same load generator: HTTP accepted → session-service hands the message to the
 * simulated WhatsApp → its server ack → {@code message.sent} webhook received at a local subscriber.
 * Every service runs as its own JVM (devstack), on real Kafka, PostgreSQL and Redis.
 *
 * <p>System properties: {@code bench.rates} (sends per second per stage, "10,25,50,100"), {@code
 * bench.stage-seconds} (20), {@code bench.sessions} (20 connected simulated sessions), {@code
 * bench.output} (bench/results). Results: a markdown table and a PNG chart in the output folder.
 */
public final class EndToEndBenchmark {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String RECIPIENT = "5511999999999";

    private EndToEndBenchmark() {}

    public static void main(String[] args) throws Exception {
        Exits.onMainFailure();
        int[] rates = Arrays.stream(
                        System.getProperty("bench.rates", "10,25,50,100").split(","))
                .map(String::strip)
                .mapToInt(Integer::parseInt)
                .toArray();
        Duration stage = Duration.ofSeconds(Long.getLong("bench.stage-seconds", 20));
        int sessionCount = Integer.getInteger("bench.sessions", 20);
        Path output = Path.of(System.getProperty("bench.output", "bench/results"));
        Path home = Path.of(System.getProperty("wagate.home", ".")).toAbsolutePath();

        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<StageResult> results = new ArrayList<>();
        try (Infrastructure infrastructure = Infrastructure.start(System.getenv());
                WebhookArrivals arrivals = new WebhookArrivals();
                HttpBaseline httpBaseline = new HttpBaseline(http)) {
            DevStack stack = DevStack.start(
                    settings(home), infrastructure, infrastructure.postgres().newDatabase(), System.out);
            try (stack) {
                GatewayClient gateway =
                        new GatewayClient(http, stack.baseUrl(), stack.adminKey()).newOrganization("bench");
                List<String> sessions = connectedSessions(gateway, sessionCount);
                gateway.subscribe(arrivals.url(), List.of("message.sent"));
                var kafkaBaseline = new KafkaBaseline(infrastructure.kafkaBootstrapServers());
                int recordSize = sendCommandSize();
                String sampleBody = GatewayClient.textSend(RECIPIENT, "baseline-0000000");

                System.out.println("warm-up stage (not reported)");
                gatewayStage(gateway, arrivals, sessions, rates[0], Duration.ofSeconds(10), "warm");
                for (int rate : rates) {
                    System.out.printf("stage %d sends/s for %s%n", rate, stage);
                    GatewayStage measured = gatewayStage(gateway, arrivals, sessions, rate, stage, "r" + rate);
                    double[] kafka = kafkaBaseline.measure(rate, stage, recordSize);
                    double[] bare = httpBaseline.measure(rate, stage, sampleBody);
                    StageResult result = new StageResult(
                            rate,
                            measured.achieved(),
                            measured.lost(),
                            measured.endToEnd().percentileMillis(0.50),
                            measured.endToEnd().percentileMillis(0.99),
                            measured.accept().percentileMillis(0.50),
                            measured.accept().percentileMillis(0.99),
                            kafka[0],
                            kafka[1],
                            bare[0],
                            bare[1]);
                    System.out.println("RESULT: " + result);
                    results.add(result);
                }
            }
        }
        var report = new BenchReport(results, Machine.describe(), Instant.now(), sessionCount, stage);
        report.write(output);
        System.out.println(report.markdown());
        System.exit(0);
    }

    private static DevStack.Settings settings(Path home) {
        Map<String, String> unlimited = Map.of(
                "wagate.rate-limits.session.per-minute", "1000000",
                "wagate.rate-limits.session.capacity", "100000",
                "wagate.rate-limits.organization.per-minute", "1000000",
                "wagate.rate-limits.organization.capacity", "100000");
        Map<String, String> session = new java.util.HashMap<>(unlimited);
        session.put("wagate.simulator.scan-delay", "300ms");
        return new DevStack.Settings(
                home,
                "127.0.0.1",
                0,
                0,
                DevStack.newAdminKey(),
                DevStack.newAuthStateKey(),
                Infrastructure.uniqueTopicPrefix(),
                Map.of(Service.SESSION, session, Service.API, unlimited));
    }

    private static List<String> connectedSessions(GatewayClient gateway, int count)
            throws IOException, InterruptedException {
        List<String> sessions = gateway.createSessions(count);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        for (String session : sessions) {
            while (!"connected".equals(gateway.status(session))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(session + " did not connect within " + PATIENCE);
                }
                Thread.sleep(100);
            }
        }
        return sessions;
    }

    private record GatewayStage(LatencyRecorder endToEnd, LatencyRecorder accept, double achieved, long lost) {}

    private static GatewayStage gatewayStage(
            GatewayClient gateway,
            WebhookArrivals arrivals,
            List<String> sessions,
            int rate,
            Duration duration,
            String tag)
            throws InterruptedException {
        int total = (int) (rate * duration.toSeconds());
        var startedAt = new ConcurrentHashMap<String, Long>();
        var accept = new LatencyRecorder(total);
        var refused = new AtomicLong();
        long began = System.nanoTime();
        LoadGenerator.run(rate, duration, n -> {
            String clientRef = tag + "-" + n;
            String body = GatewayClient.textSend(RECIPIENT, clientRef);
            long started = System.nanoTime();
            startedAt.put(clientRef, started);
            try {
                int status = gateway.send(sessions.get((int) (n % sessions.size())), body);
                if (status >= 300) {
                    refused.incrementAndGet();
                    startedAt.remove(clientRef);
                } else {
                    accept.record(System.nanoTime() - started);
                }
            } catch (IOException e) {
                refused.incrementAndGet();
                startedAt.remove(clientRef);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline
                && startedAt.keySet().stream().anyMatch(ref -> arrivals.arrivalOf(ref) == null)) {
            Thread.sleep(100);
        }
        var endToEnd = new LatencyRecorder(total);
        long lastArrival = began;
        long lost = refused.get();
        for (var entry : startedAt.entrySet()) {
            Long arrived = arrivals.arrivalOf(entry.getKey());
            if (arrived == null) {
                lost++;
            } else {
                endToEnd.record(arrived - entry.getValue());
                lastArrival = Math.max(lastArrival, arrived);
            }
        }
        double seconds = (lastArrival - began) / 1e9;
        return new GatewayStage(endToEnd, accept, endToEnd.count() / Math.max(seconds, 1e-9), lost);
    }

    /** The encoded size of a typical text send command, so the Kafka baseline moves the same bytes. */
    private static int sendCommandSize() {
        var command = SendMessage.newBuilder()
                .setMessageId("msg_01JD7Q0000000000000000000")
                .setSessionId("sess_01JD7Q0000000000000000000")
                .setOrganizationId("org_01JD7Q0000000000000000000")
                .setIssuedAt(Instant.now())
                .setTo(RECIPIENT + "@s.whatsapp.net")
                .setClientRef("r100-000000")
                .setContent(new TextContent("benchmark message r100-000000"))
                .build();
        return CommandCodec.encode(command).length;
    }
}
