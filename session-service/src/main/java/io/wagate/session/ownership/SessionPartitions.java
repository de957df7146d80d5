package io.wagate.session.ownership;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The commands-topic partition a session's records land on: what Kafka's default partitioner picks
 * for the session id as key (murmur2 of its UTF-8 bytes, modulo the partition count). It changes
 * when the topic grows, so whoever owns the partition for the CURRENT count owns the session.
 */
public final class SessionPartitions {

    private SessionPartitions() {}

    public static int of(String sessionId, int partitionCount) {
        if (partitionCount < 1) {
            throw new IllegalArgumentException("a topic has at least one partition, not " + partitionCount);
        }
        return Utils.toPositive(Utils.murmur2(sessionId.getBytes(StandardCharsets.UTF_8))) % partitionCount;
    }
}
