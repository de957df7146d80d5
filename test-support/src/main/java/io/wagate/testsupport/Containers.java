package io.wagate.testsupport;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

/** The same infrastructure as Docker containers, for machines with a Docker engine. */
final class Containers {

    private Containers() {}

    static KafkaContainer kafka() {
        var container = new KafkaContainer("apache/kafka:4.1.1").withEnv("KAFKA_NUM_PARTITIONS", "6");
        container.start();
        return container;
    }

    static PostgreSQLContainer<?> postgres() {
        var container = new PostgreSQLContainer<>("postgres:15-alpine");
        container.start();
        return container;
    }

    static GenericContainer<?> redis() {
        var container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
        container.start();
        return container;
    }
}
