package io.wagate.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The floor for the gateway's Kafka hop: records of the same size as a send command produced with
 * the gateway's producer settings (acks=all, idempotent) and consumed by a plain consumer on the
 * same broker, timed from send() to poll().
 */
final class KafkaBaseline {

    private final String bootstrapServers;

    KafkaBaseline(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** p50 and p99 in milliseconds from produce to consume, at {@code rate} records a second. */
    double[] measure(int rate, Duration duration, int recordSize) throws InterruptedException {
        String topic = "bench.baseline." + UUID.randomUUID();
        var sentAt = new ConcurrentHashMap<String, Long>();
        var latencies = new LatencyRecorder((int) (rate * duration.toSeconds()));
        var running = new AtomicBoolean(true);
        byte[] value = new byte[recordSize];
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        0,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class,
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        ByteArraySerializer.class));
                var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        topic,
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "earliest",
                        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                        StringDeserializer.class,
                        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                        ByteArrayDeserializer.class))) {
            producer.send(new ProducerRecord<>(topic, "warm", value)).get();
            var assigned = new AtomicBoolean();
            // A consumer belongs to one thread: it subscribes, polls and reports its assignment there.
            Thread poller = Thread.ofPlatform().name("baseline-consumer").start(() -> {
                consumer.subscribe(List.of(topic));
                while (running.get()) {
                    if (!assigned.get() && !consumer.assignment().isEmpty()) {
                        assigned.set(true);
                    }
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        Long sent = sentAt.remove(record.key());
                        if (sent != null) {
                            latencies.record(System.nanoTime() - sent);
                        }
                    }
                }
            });
            while (!assigned.get() && poller.isAlive()) {
                Thread.sleep(50);
            }
            Thread.sleep(2_000); // the group's first assignment settles before timing starts
            LoadGenerator.run(rate, duration, n -> {
                String key = "k" + n;
                sentAt.put(key, System.nanoTime());
                producer.send(new ProducerRecord<>(topic, key, value));
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!sentAt.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            running.set(false);
            poller.join();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the baseline broker refused a record", e);
        }
        return new double[] {latencies.percentileMillis(0.50), latencies.percentileMillis(0.99)};
    }
}
