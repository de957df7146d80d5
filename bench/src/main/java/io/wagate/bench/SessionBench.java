package io.wagate.bench;

import io.wagate.testsupport.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.utils.Utils;

/** What the session-service benchmarks share: the service's settings and where a session's commands land. */
final class SessionBench {

    private SessionBench() {}

    /** session-service's properties on this infrastructure, with the simulator quick to pair. */
    static Map<String, Object> properties(Infrastructure infrastructure, String topicPrefix, int partitions) {
        Map<String, Object> properties = new HashMap<>(
                infrastructure.serviceProperties(infrastructure.postgres().newDatabase(), topicPrefix));
        properties.put("wagate.session.auth-state.keys", "bench:" + "Y2hhbmdlLW1lLXRoaXMtaXMtYS10ZXN0LWtleS0zMmI=");
        properties.put("wagate.kafka.topics.partitions", partitions);
        properties.put("wagate.simulator.scan-delay", System.getProperty("bench.scan-delay", "50ms"));
        properties.put("wagate.simulator.qr-rotation", "60s");
        properties.put("datasources.default.maximum-pool-size", 10);
        // Any -Dwagate.* or -Dkafka.* of the benchmark's own tunes the service.
        System.getProperties().forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith("wagate.") || name.startsWith("kafka.")) {
                properties.put(name, value);
            }
        });
        properties.values().removeIf(value -> value.toString().contains(" "));
        return properties;
    }

    /** The commands-topic partition Kafka's default partitioner picks for a session id. */
    static int partitionOf(String sessionId, int partitions) {
        return Utils.toPositive(Utils.murmur2(sessionId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
