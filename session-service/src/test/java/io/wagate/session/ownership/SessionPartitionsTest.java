package io.wagate.session.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class SessionPartitionsTest {

    @Test
    void aSessionsPartitionIsTheOneKafkasDefaultPartitionerPicksForItsId() {
        IntStream.range(0, 500).mapToObj(i -> "sess_01JTEST" + i).forEach(sessionId -> {
            byte[] key = sessionId.getBytes(StandardCharsets.UTF_8);
            for (int count : new int[] {1, 3, 6, 12, 48}) {
                assertThat(SessionPartitions.of(sessionId, count))
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key, count));
            }
        });
    }

    @Test
    void growingTheTopicMovesSomeSessionsToOtherPartitions() {
        long moved = IntStream.range(0, 100)
                .mapToObj(i -> "sess_" + i)
                .filter(id -> SessionPartitions.of(id, 2) != SessionPartitions.of(id, 6))
                .count();
        assertThat(moved).isBetween(40L, 90L);
        assertThatThrownBy(() -> SessionPartitions.of("sess_1", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
