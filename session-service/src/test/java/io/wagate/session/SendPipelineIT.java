package io.wagate.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.session.sending.WhatsAppMessageIds;
import io.wagate.session.transport.ChatPresence;
import io.wagate.session.transport.simulator.SimulatedPresence;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The send pipeline (ADR 0007): a send is queued and its offset committed at once; each session
 * sends its queue in order on its own lane, typing and paced as asked, so a slow session holds up
 * no other; what is queued survives a crash and goes out once, under the same WhatsApp id.
 */
@ExtendWith(InfrastructureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SendPipelineIT {

    private static final Duration PATIENCE = Duration.ofSeconds(40);
    private static final String RECIPIENT = "5511999999999";

    private ServiceCluster cluster;

    @BeforeAll
    void startTheService(Infrastructure infra) {
        // One partition: every session's commands come through the same consumer, one after another.
        cluster = new ServiceCluster(
                infra,
                1,
                Map.of(
                        "wagate.rate-limits.session.capacity", 2,
                        "wagate.rate-limits.session.per-minute", 60));
        cluster.start("pipeline-1", true);
    }

    @AfterAll
    void stopTheService() throws InterruptedException {
        cluster.close();
    }

    @Test
    @Order(1)
    void aSessionTypingForSecondsHoldsUpNoOtherSessionOnTheSamePartition() {
        // Given two connected sessions whose commands share one partition
        String slow = connectedSession();
        String quick = connectedSession();

        // When the slow one is asked to type for 4 seconds first, and the quick one sends after it
        String typed = Commands.newMessageId();
        cluster.produce(slow, Commands.sendTextTyping(slow, typed, RECIPIENT, "after a pause", 4));
        List<String> quickOnes = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String messageId = Commands.newMessageId();
            quickOnes.add(messageId);
            cluster.produce(quick, Commands.sendText(quick, messageId, RECIPIENT, "quick " + i, null));
        }

        // Then the quick session's messages go out while the slow one is still typing
        await().atMost(PATIENCE).until(() -> quickOnes.stream().allMatch(id -> sent(id) != null));
        assertThat(sent(typed)).as("still typing").isNull();
        await().atMost(PATIENCE).until(() -> sent(typed) != null);
        Instant typedSent = sent(typed);
        assertThat(quickOnes).allSatisfy(id -> assertThat(sent(id)).isBefore(typedSent));

        // and the recipient saw "typing..." for the four seconds, then it stopped, then the message
        List<SimulatedPresence> presence = cluster.whatsApp().presenceUpdates(slow);
        assertThat(presence)
                .extracting(SimulatedPresence::presence)
                .containsExactly(ChatPresence.COMPOSING, ChatPresence.PAUSED);
        assertThat(presence).allSatisfy(update -> assertThat(update.chat()).isEqualTo(RECIPIENT + "@s.whatsapp.net"));
        assertThat(Duration.between(presence.get(0).at(), presence.get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(3900));
        assertThat(cluster.whatsApp()
                        .message(WhatsAppMessageIds.derive(typed))
                        .orElseThrow()
                        .acceptedAt())
                .isAfterOrEqualTo(presence.get(1).at());
    }

    @Test
    @Order(2)
    void aSessionsMessagesGoOutOneAtATimeInTheirOrderPacedByItsRateLimitInRedis() {
        // Given a connected session allowed a burst of 2 and then one send a second
        String sessionId = connectedSession();
        List<String> messageIds = new ArrayList<>();

        // When it is asked to send 6 messages at once
        for (int i = 0; i < 6; i++) {
            String messageId = Commands.newMessageId();
            messageIds.add(messageId);
            cluster.produce(sessionId, Commands.sendText(sessionId, messageId, RECIPIENT, "paced " + i, null));
        }

        // Then they go out in order, the last ones a second apart
        await().atMost(PATIENCE).until(() -> messageIds.stream().allMatch(id -> sent(id) != null));
        List<Instant> sentAt = messageIds.stream().map(this::sent).toList();
        assertThat(sentAt).isSorted();
        assertThat(Duration.between(sentAt.get(1), sentAt.get(5))).isGreaterThanOrEqualTo(Duration.ofMillis(3500));
        List<Instant> accepted = messageIds.stream()
                .map(id -> cluster.whatsApp()
                        .message(WhatsAppMessageIds.derive(id))
                        .orElseThrow()
                        .acceptedAt())
                .toList();
        assertThat(accepted).isSorted();
        // The bucket lives in Redis, where api-service looks at it too.
        RedisClient redis = cluster.instances().getFirst().context().getBean(RedisClient.class);
        try (var connection = redis.connect()) {
            assertThat(connection.sync().exists("wagate:rate:session:" + sessionId))
                    .isEqualTo(1L);
            assertThat(connection.sync().exists("wagate:rate:org:" + Commands.ORGANIZATION))
                    .isEqualTo(1L);
        }
    }

    @Test
    @Order(3)
    void whatAnInstanceHadQueuedWhenItCrashedIsSentByTheNextOneOnceUnderTheSameWhatsAppIdsAndTraces() {
        // Given a session with three messages queued, the first being typed, each sent in a trace of its own
        String sessionId = connectedSession();
        List<String> messageIds = new ArrayList<>();
        Map<String, String> traceIds = new HashMap<>();
        for (int i = 0; i < 3; i++) {
            String messageId = Commands.newMessageId();
            messageIds.add(messageId);
            String traceId = UUID.randomUUID().toString().replace("-", "");
            traceIds.put(messageId, traceId);
            cluster.produceTraced(
                    sessionId,
                    Commands.sendTextTyping(sessionId, messageId, RECIPIENT, "queued " + i, 2),
                    "00-" + traceId + "-00f067aa0ba902b7-01");
        }
        await().atMost(PATIENCE)
                .until(() -> !cluster.whatsApp().presenceUpdates(sessionId).isEmpty());
        int before = cluster.eventsOf(sessionId).size();

        // When the instance crashes and another one starts on the same database and topics
        cluster.crash(cluster.instances().getFirst());
        cluster.start("pipeline-2", true);

        // Then every message goes out once, with the WhatsApp id derived from its id, in order
        await().atMost(PATIENCE).until(() -> messageIds.stream().allMatch(id -> sent(id) != null));
        assertThat(messageIds.stream().map(this::sent).toList()).isSorted();
        for (String messageId : messageIds) {
            String waMessageId = WhatsAppMessageIds.derive(messageId);
            await().atMost(PATIENCE).until(() -> cluster.whatsApp().deliveryCount(waMessageId) == 1);
            assertThat(sentEvent(messageId).getWaMessageId()).isEqualTo(waMessageId);
            assertThat(cluster.messageStatuses(messageId)).containsOnlyOnce(MessageStatus.SENT);
        }
        // and every event of a message, the receipts' too, continues the trace its command came in
        for (String messageId : messageIds) {
            await().atMost(PATIENCE)
                    .until(() -> cluster.messageStatuses(messageId).contains(MessageStatus.READ));
            assertThat(cluster.traceIdsOf(messageId))
                    .hasSizeGreaterThanOrEqualTo(3)
                    .containsOnly(traceIds.get(messageId));
        }
        // resumed, not paired again
        List<Object> after = cluster
                .eventsOf(sessionId)
                .subList(before, cluster.eventsOf(sessionId).size())
                .stream()
                .map(Event::getData)
                .toList();
        assertThat(after).noneMatch(SessionQrUpdated.class::isInstance);
    }

    private String connectedSession() {
        String sessionId = Commands.newSessionId();
        cluster.produce(sessionId, Commands.connect(sessionId));
        await().atMost(PATIENCE).until(() -> cluster.isConnected(sessionId));
        return sessionId;
    }

    /** When {@code message.sent} was announced for the message, or null. */
    private Instant sent(String messageId) {
        return cluster.events().stream()
                .filter(event -> event.getData() instanceof MessageStatusChanged changed
                        && changed.getMessageId().equals(messageId)
                        && changed.getStatus() == MessageStatus.SENT)
                .map(Event::getCreatedAt)
                .findFirst()
                .orElse(null);
    }

    private MessageStatusChanged sentEvent(String messageId) {
        return cluster.events().stream()
                .map(Event::getData)
                .filter(MessageStatusChanged.class::isInstance)
                .map(MessageStatusChanged.class::cast)
                .filter(changed ->
                        changed.getMessageId().equals(messageId) && changed.getStatus() == MessageStatus.SENT)
                .findFirst()
                .orElseThrow();
    }
}
