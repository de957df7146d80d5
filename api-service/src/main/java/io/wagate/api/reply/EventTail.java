package io.wagate.api.reply;

import io.micronaut.configuration.kafka.config.KafkaDefaultConfiguration;
import io.micronaut.context.annotation.Context;
import io.wagate.api.command.KafkaSettings;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.Topics;
import io.wagate.schemas.UndecodableRecordException;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's own reader of the events topic: every partition, from the end, outside any
 * consumer group (the shared group splits partitions between instances, but the request waiting for
 * an answer may be on any instance). Partitions that appear later (the topic created late, or grown)
 * are read from their beginning, since all they hold is newer than this reader.
 */
@Context
public class EventTail {

    private static final Logger LOG = LoggerFactory.getLogger(EventTail.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration REDISCOVER = Duration.ofSeconds(30);
    private static final Duration REDISCOVER_WHILE_EMPTY = Duration.ofSeconds(1);

    private final Replies replies;
    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread reader;
    private final Duration positionTimeout;
    private volatile boolean running = true;

    EventTail(Replies replies, KafkaSettings settings, KafkaDefaultConfiguration kafka) {
        this.replies = replies;
        this.topic = settings.topicPrefix() + Topics.EVENTS;
        this.positionTimeout = settings.ackTimeout();
        this.consumer = new KafkaConsumer<>(consumerProperties(kafka));
        this.reader = Thread.ofPlatform().name("event-tail").daemon().start(this::run);
    }

    /**
     * Whether the reader knows where the topic ends, so nothing produced from now on escapes it; waits
     * at most the Kafka ack timeout, past which producing the command would fail anyway.
     */
    public boolean awaitPositioned() {
        try {
            return positioned.await(positionTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        Set<TopicPartition> assigned = new HashSet<>();
        long nextDiscovery = 0;
        boolean discovered = false;
        while (running) {
            try {
                if (System.nanoTime() >= nextDiscovery) {
                    List<TopicPartition> partitions = partitions();
                    List<TopicPartition> added = partitions.stream()
                            .filter(p -> !assigned.contains(p))
                            .toList();
                    if (!added.isEmpty()) {
                        assigned.addAll(added);
                        consumer.assign(assigned);
                        if (discovered) {
                            consumer.seekToBeginning(added);
                        } else {
                            consumer.seekToEnd(added);
                        }
                        // seeks are lazy: resolve them now, so "positioned" means it
                        added.forEach(consumer::position);
                    }
                    discovered = true;
                    positioned.countDown();
                    nextDiscovery =
                            System.nanoTime() + (assigned.isEmpty() ? REDISCOVER_WHILE_EMPTY : REDISCOVER).toNanos();
                }
                if (assigned.isEmpty()) {
                    Thread.sleep(POLL);
                    continue;
                }
                for (var record : consumer.poll(POLL)) {
                    dispatch(record.key(), record.value());
                }
            } catch (WakeupException e) {
                // closing
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("reading {} for replies failed, retrying: {}", topic, e.toString());
                sleepQuietly();
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    private List<TopicPartition> partitions() {
        return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    private void dispatch(String key, byte[] value) {
        if (replies.waiting() == 0) {
            // Nobody waits: a waiter registers before its command is produced, so none can miss this.
            return;
        }
        try {
            replies.dispatch(EventCodec.decode(value));
        } catch (UndecodableRecordException e) {
            LOG.debug("skipping undecodable event (key {}): {}", key, e.getMessage());
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Properties consumerProperties(KafkaDefaultConfiguration kafka) {
        Properties properties = new Properties();
        properties.putAll(kafka.getConfig());
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // never create the topic with the broker's defaults: session-service creates it as configured
        properties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "api-service-event-tail");
        return properties;
    }

    @PreDestroy
    void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        reader.join(Duration.ofSeconds(10));
    }
}
