package io.wagate.api.support;

import io.wagate.schemas.CommandCodec;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.v1.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients standing in for session-service: read our commands, write its events. */
public final class KafkaTopics {

    private final String bootstrapServers;
    private final String prefix;

    public KafkaTopics(String bootstrapServers, String prefix) {
        this.bootstrapServers = bootstrapServers;
        this.prefix = prefix;
    }

    public String commands() {
        return prefix + io.wagate.schemas.Topics.COMMANDS;
    }

    public String events() {
        return prefix + io.wagate.schemas.Topics.EVENTS;
    }

    /** Every command on the commands topic keyed by this session, decoded, in order. */
    public List<SpecificRecord> commandsFor(String sessionId) {
        return recordsFor(sessionId).stream()
                .map(record -> CommandCodec.decode(record.value()))
                .toList();
    }

    /** The W3C {@code traceparent} header of each command keyed by this session (null where absent), in order. */
    public List<String> traceparentsFor(String sessionId) {
        return recordsFor(sessionId).stream()
                .map(record -> record.headers().lastHeader("traceparent"))
                .map(header ->
                        header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.US_ASCII))
                .toList();
    }

    private List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> recordsFor(String sessionId) {
        List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(commands(), Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    if (sessionId.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    public void publishEvent(Event event) {
        publishEventBytes(event.getSessionId(), EventCodec.encode(event));
    }

    public void publishEventBytes(String key, byte[] value) {
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                ByteArraySerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(events(), key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + events(), e);
        }
    }
}
