package io.wagate.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.session.sending.WhatsAppMessageIds;
import io.wagate.session.transport.simulator.SimulatedMessage;
import io.wagate.session.transport.simulator.SimulatedWhatsApp;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Several instances share the sessions (one Kafka, one PostgreSQL, one simulated WhatsApp). One of
 * them dies without a word, or all of them are restarted one after another, while messages keep
 * coming: every accepted message reaches its recipient exactly once (counted per WhatsApp id by the
 * simulator), none is lost, and every session is connected again on the others without a new QR.
 */
@ExtendWith(InfrastructureExtension.class)
class FailoverIT {

    private static final int SESSIONS = 12;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String RECIPIENT = "5511999999999";
    private static final Map<String, Object> TIMING = Map.of(
            // Long enough that sends are in flight when an instance goes.
            "wagate.simulator.server-ack-delay", "100ms",
            "wagate.session.revoke-drain-timeout", "5s");

    @Test
    void whenOneOfTwoInstancesCrashesTheOtherTakesItsSessionsOverAndNoMessageIsLostOrDoubled(Infrastructure infra)
            throws Exception {
        crashOneOf(infra, 2);
    }

    @Test
    void whenOneOfThreeInstancesCrashesTheOthersTakeItsSessionsOverAndNoMessageIsLostOrDoubled(Infrastructure infra)
            throws Exception {
        crashOneOf(infra, 3);
    }

    @Test
    void aRollingRestartOfEveryInstanceHandsEverySessionOverWithoutSendingAnythingTwice(Infrastructure infra)
            throws Exception {
        try (var cluster = new ServiceCluster(infra, 6, TIMING)) {
            // Given three instances running twelve sessions, with messages flowing
            List<ServiceCluster.Instance> original = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                original.add(cluster.start("rolling-" + i));
            }
            List<String> sessions = connectedSessions(cluster);
            Instant started = Instant.now();

            var traffic = new Traffic(cluster, sessions);
            try {
                // When each instance in turn stops cleanly and a new one takes its place
                int generation = 0;
                for (ServiceCluster.Instance old : original) {
                    traffic.flowFor(Duration.ofMillis(800));
                    cluster.stop(old);
                    cluster.start("rolling-new-" + (++generation));
                    await().atMost(PATIENCE)
                            .until(() -> cluster.instances().stream().allMatch(ServiceCluster.Instance::ready)
                                    && everyRunsOnceAndIsConnected(cluster, sessions));
                }
                traffic.flowFor(Duration.ofMillis(800));
            } finally {
                traffic.close();
            }
            Duration took = Duration.between(started, Instant.now());

            // Then
            List<Sent> messages = traffic.accepted();
            assertEverySentOnceAndNoneLost(cluster, messages);
            assertNoQrSince(cluster, sessions, started);
            // Clean hand-overs wait for the message in flight: nothing needed sending a second time.
            assertThat(messages)
                    .allSatisfy(message -> assertThat(cluster.whatsApp().serverCopies(message.waMessageId()))
                            .as("server copies of %s", message.messageId())
                            .isEqualTo(1));
            System.out.printf(
                    "ROLLING RESTART: 3 instances replaced one by one in %d ms, %d sessions, %d messages, none"
                            + " sent twice%n",
                    took.toMillis(), sessions.size(), messages.size());
        }
    }

    @Test
    void anInstanceJoiningWhileABurstOfCommandsIsConsumedLosesNoneOfThem(Infrastructure infra) throws Exception {
        try (var cluster = new ServiceCluster(infra, 6, Map.of())) {
            // Given one instance
            ServiceCluster.Instance first = cluster.start("burst-1");
            await().atMost(PATIENCE).until(first::ready);

            // When a burst of commands is on its way and a second instance joins the group meanwhile
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                String sessionId = Commands.newSessionId();
                sessions.add(sessionId);
                cluster.produce(sessionId, Commands.connect(sessionId));
            }
            cluster.start("burst-2");

            // Then every command was carried out, though commits were refused while the group rebalanced
            await().atMost(PATIENCE).until(() -> everyRunsOnceAndIsConnected(cluster, sessions));
        }
    }

    private void crashOneOf(Infrastructure infra, int instances) throws Exception {
        try (var cluster = new ServiceCluster(infra, 6, TIMING)) {
            // Given N instances running twelve sessions
            for (int i = 1; i <= instances; i++) {
                cluster.start("crash" + instances + "-" + i, true);
            }
            List<String> sessions = connectedSessions(cluster);
            ServiceCluster.Instance victim = cluster.instances().stream()
                    .max(Comparator.comparingInt(instance -> instance.registry().size()))
                    .orElseThrow();
            Set<String> victims = sessions.stream()
                    .filter(id -> victim.registry().find(id).isPresent())
                    .collect(Collectors.toSet());
            assertThat(victims).isNotEmpty();

            Instant crashedAt;
            var traffic = new Traffic(cluster, sessions);
            try {
                // When, with messages flowing, the busiest instance dies without a clean close
                traffic.flowFor(Duration.ofMillis(1500));
                crashedAt = Instant.now();
                cluster.crash(victim);

                // Then its sessions are connected again on the others
                await().atMost(PATIENCE)
                        .until(() -> victims.stream().allMatch(id -> reconnectedAfter(cluster, id, crashedAt))
                                && everyRunsOnceAndIsConnected(cluster, sessions));
                Instant back = victims.stream()
                        .map(id -> cluster.lastConnectedAt(id).orElseThrow())
                        .max(Comparator.naturalOrder())
                        .orElseThrow();
                Duration failover = Duration.between(crashedAt, back);
                traffic.flowFor(Duration.ofMillis(1000));
                System.out.printf(
                        "FAILOVER: %d instances, %d of %d sessions on the crashed one, all connected again on the"
                                + " survivors %d ms after the crash (session.timeout.ms=%s)%n",
                        instances,
                        victims.size(),
                        sessions.size(),
                        failover.toMillis(),
                        cluster.property("kafka.session.timeout.ms"));
                assertThat(failover).isLessThan(Duration.ofSeconds(30));
            } finally {
                traffic.close();
            }

            // and every message reached its recipient once
            List<Sent> messages = traffic.accepted();
            assertEverySentOnceAndNoneLost(cluster, messages);
            assertNoQrSince(cluster, sessions, crashedAt);
            for (String id : victims) {
                SessionStatusChanged resumed = cluster.statusesOf(id).stream()
                        .filter(status -> status.getStatus() == SessionStatus.CONNECTED)
                        .toList()
                        .getLast();
                assertThat(resumed.getReason()).isEqualTo("resumed");
            }
            long resent = messages.stream()
                    .filter(message -> cluster.whatsApp().serverCopies(message.waMessageId()) > 1)
                    .count();
            System.out.printf(
                    "FAILOVER: %d messages accepted, each delivered once; %d sent again under the same WhatsApp id"
                            + " after the crash%n",
                    messages.size(), resent);
        }
    }

    private static List<String> connectedSessions(ServiceCluster cluster) {
        await().atMost(PATIENCE).until(() -> cluster.instances().stream().allMatch(ServiceCluster.Instance::ready));
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            String sessionId = Commands.newSessionId();
            sessions.add(sessionId);
            cluster.produce(sessionId, Commands.connect(sessionId));
        }
        await().atMost(PATIENCE).until(() -> everyRunsOnceAndIsConnected(cluster, sessions));
        return sessions;
    }

    private static boolean everyRunsOnceAndIsConnected(ServiceCluster cluster, List<String> sessions) {
        return sessions.stream()
                .allMatch(id -> cluster.runnersOf(id).size() == 1
                        && cluster.isConnected(id)
                        && cluster.whatsApp().isOnline(id));
    }

    private static boolean reconnectedAfter(ServiceCluster cluster, String sessionId, Instant after) {
        return cluster.lastConnectedAt(sessionId)
                .filter(at -> at.isAfter(after))
                .isPresent();
    }

    private static void assertEverySentOnceAndNoneLost(ServiceCluster cluster, List<Sent> messages) {
        assertThat(messages).hasSizeGreaterThan(20);
        SimulatedWhatsApp whatsApp = cluster.whatsApp();
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500)).until(() -> {
            Set<String> sent = sentMessageIds(cluster);
            return messages.stream().allMatch(message -> sent.contains(message.messageId()))
                    && messages.stream().allMatch(message -> whatsApp.deliveryCount(message.waMessageId()) == 1);
        });
        for (Sent message : messages) {
            SimulatedMessage received = whatsApp.message(message.waMessageId()).orElseThrow();
            assertThat(received.fromSessionId()).isEqualTo(message.sessionId());
            assertThat(whatsApp.deliveryCount(message.waMessageId())).isEqualTo(1);
        }
        List<String> failed = cluster.events().stream()
                .map(Event::getData)
                .filter(data ->
                        data instanceof MessageStatusChanged changed && changed.getStatus() == MessageStatus.FAILED)
                .map(data -> ((MessageStatusChanged) data).getMessageId())
                .toList();
        assertThat(failed).isEmpty();
        long received = whatsApp.messagesReceivedBy(RECIPIENT + "@s.whatsapp.net").stream()
                .filter(message ->
                        messages.stream().anyMatch(m -> m.waMessageId().equals(message.waMessageId())))
                .count();
        assertThat(received).isEqualTo(messages.size());
    }

    private static void assertNoQrSince(ServiceCluster cluster, List<String> sessions, Instant since) {
        for (String id : sessions) {
            assertThat(cluster.eventsOf(id))
                    .filteredOn(event -> event.getCreatedAt().isAfter(since))
                    .noneMatch(event -> event.getData() instanceof SessionQrUpdated);
        }
    }

    private static Set<String> sentMessageIds(ServiceCluster cluster) {
        Set<String> sent = new HashSet<>();
        for (Event event : cluster.events()) {
            if (event.getData() instanceof MessageStatusChanged changed && changed.getStatus() == MessageStatus.SENT) {
                sent.add(changed.getMessageId());
            }
        }
        return sent;
    }

    record Sent(String sessionId, String messageId) {

        String waMessageId() {
            return WhatsAppMessageIds.derive(messageId);
        }
    }

    /** Sends a text every 50 ms, to the sessions in turn, until closed; keeps what Kafka accepted. */
    private static final class Traffic implements AutoCloseable {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread thread;
        private final List<Sent> accepted = new CopyOnWriteArrayList<>();

        Traffic(ServiceCluster cluster, List<String> sessions) {
            thread = Thread.ofPlatform().name("traffic").start(() -> {
                int n = 0;
                while (running.get()) {
                    String sessionId = sessions.get(n++ % sessions.size());
                    String messageId = Commands.newMessageId();
                    cluster.produce(sessionId, Commands.sendText(sessionId, messageId, RECIPIENT, "n" + n, null));
                    accepted.add(new Sent(sessionId, messageId));
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        /** Lets messages flow for a while (setting the scene, not asserting anything). */
        void flowFor(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis());
        }

        List<Sent> accepted() {
            return List.copyOf(accepted);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }
}
