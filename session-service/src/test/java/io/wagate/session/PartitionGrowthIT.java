package io.wagate.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.schemas.v1.MessageStatus;
import io.wagate.session.ownership.SessionPartitions;
import io.wagate.session.store.SessionRepository;
import io.wagate.session.store.SessionRow;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Growing the commands topic moves sessions: a session belongs to the partition its id hashes to
 * for the CURRENT partition count. One recorded under the old count is resumed by whoever owns its
 * new partition, and only there.
 */
@ExtendWith(InfrastructureExtension.class)
class PartitionGrowthIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void afterTheTopicGrewEverySessionRunsOnlyWhereItsNewPartitionIsOwned(Infrastructure infra) throws Exception {
        try (var cluster = new ServiceCluster(infra, 2, Map.of())) {
            // Given sessions recorded while the commands topic had 2 partitions
            ServiceCluster.Instance first = cluster.start("before-growth");
            await().atMost(PATIENCE).until(first::ready);
            List<String> sessions = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String sessionId = Commands.newSessionId();
                sessions.add(sessionId);
                cluster.produce(sessionId, Commands.connect(sessionId));
            }
            await().atMost(PATIENCE).until(() -> sessions.stream().allMatch(cluster::isConnected));
            SessionRepository rows = first.context().getBean(SessionRepository.class);
            assertThat(sessions)
                    .allSatisfy(id -> assertThat(rows.findById(id).orElseThrow().partition())
                            .isEqualTo(SessionPartitions.of(id, 2)));
            assertThat(sessions).anyMatch(id -> SessionPartitions.of(id, 2) != SessionPartitions.of(id, 6));
            cluster.stop(first);

            // When the topic grows to 6 partitions and two instances share it
            try (var admin =
                    Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
                admin.createPartitions(Map.of(cluster.commandsTopic(), NewPartitions.increaseTo(6)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            }
            ServiceCluster.Instance second = cluster.start("after-growth-1");
            ServiceCluster.Instance third = cluster.start("after-growth-2");

            // Then each session runs once, on the instance owning its partition for 6 partitions
            await().atMost(PATIENCE)
                    .until(() -> second.ready()
                            && third.ready()
                            && !second.ownership().owned().isEmpty()
                            && !third.ownership().owned().isEmpty()
                            && sessions.stream().allMatch(id -> runsWhereItsPartitionIs(cluster, id)));
            SessionRepository after = second.context().getBean(SessionRepository.class);
            for (String id : sessions) {
                SessionRow row = after.findById(id).orElseThrow();
                assertThat(row.partition()).isEqualTo(SessionPartitions.of(id, 6));
                assertThat(row.partitionCount()).isEqualTo(6);
            }

            // and sends, which now arrive on the new partitions, go out from there
            List<String> messages = new ArrayList<>();
            for (String id : sessions) {
                String messageId = Commands.newMessageId();
                messages.add(messageId);
                cluster.produce(id, Commands.sendText(id, messageId, "5511999999999", "after growth", null));
            }
            await().atMost(PATIENCE).until(() -> messages.stream()
                    .allMatch(id -> cluster.messageStatuses(id).contains(MessageStatus.SENT)));
            assertThat(sessions).allSatisfy(id -> assertThat(runsWhereItsPartitionIs(cluster, id))
                    .isTrue());
        }
    }

    private static boolean runsWhereItsPartitionIs(ServiceCluster cluster, String sessionId) {
        List<ServiceCluster.Instance> runners = cluster.runnersOf(sessionId);
        return runners.size() == 1
                && runners.getFirst().ownership().owned().contains(SessionPartitions.of(sessionId, 6))
                && cluster.isConnected(sessionId);
    }
}
