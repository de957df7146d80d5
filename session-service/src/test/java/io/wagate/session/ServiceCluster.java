package io.wagate.session;

import io.micronaut.configuration.kafka.ConsumerRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.RuntimeBeanDefinition;
import io.micronaut.runtime.server.EmbeddedServer;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.Topics;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.session.ownership.ConsumerAssignmentReadiness;
import io.wagate.session.ownership.PartitionOwnership;
import io.wagate.session.runtime.SessionRegistry;
import io.wagate.session.transport.simulator.SimulatedWhatsApp;
import io.wagate.session.transport.simulator.SimulatorSettings;
import io.wagate.testsupport.Infrastructure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Several session-service instances in this JVM, as a deployment runs them: one Kafka broker and
 * topics, one PostgreSQL database, one Redis, and ONE simulated WhatsApp network that every
 * instance's transport talks to, so a session that moves to another instance finds its linked
 * device where it left it. Commands go in and events come out on Kafka, as with api-service.
 */
final class ServiceCluster implements AutoCloseable {

    static final String AUTH_STATE_KEY = "cluster:" + "Y2hhbmdlLW1lLXRoaXMtaXMtYS10ZXN0LWtleS0zMmI=";

    private final Map<String, Object> properties;
    private final SimulatedWhatsApp whatsApp;
    private final KafkaProducer<String, byte[]> producer;
    private final KafkaTap events;
    private final String commandsTopic;
    private final String bootstrapServers;
    private final List<Instance> instances = new CopyOnWriteArrayList<>();

    /**
     * @param partitions the commands topic's partition count
     * @param overrides service properties on top of this cluster's fast defaults
     */
    ServiceCluster(Infrastructure infra, int partitions, Map<String, Object> overrides) {
        String prefix = Infrastructure.uniqueTopicPrefix();
        bootstrapServers = infra.kafkaBootstrapServers();
        properties = new HashMap<>(infra.serviceProperties(infra.postgres().newDatabase(), prefix));
        properties.put("micronaut.server.port", -1);
        properties.put("wagate.session.auth-state.keys", AUTH_STATE_KEY);
        properties.put("wagate.kafka.topics.partitions", partitions);
        properties.put("wagate.simulator.scan-delay", "300ms");
        properties.put("wagate.simulator.qr-rotation", "10s");
        properties.put("wagate.simulator.server-ack-delay", "20ms");
        properties.put("wagate.simulator.delivery-delay", "30ms");
        properties.put("wagate.simulator.read-delay", "30ms");
        properties.put("wagate.session.reconnect-backoff", "200ms");
        properties.put("wagate.session.command-retry-delay", "200ms");
        properties.put("wagate.session.send-connect-timeout", "60s");
        // Pacing is not what these tests look at (SendPipelineIT does).
        properties.put("wagate.rate-limits.session.capacity", 100_000);
        properties.put("wagate.rate-limits.session.per-minute", 1_000_000);
        properties.put("wagate.rate-limits.organization.capacity", 100_000);
        properties.put("wagate.rate-limits.organization.per-minute", 1_000_000);
        // A crashed instance is noticed by the group after this (the broker's minimum is 6 s).
        properties.put("kafka.session.timeout.ms", 6000);
        properties.put("kafka.heartbeat.interval.ms", 500);
        properties.put("kafka.metadata.max.age.ms", 1000);
        properties.putAll(overrides);
        whatsApp = new SimulatedWhatsApp(new SimulatorSettings(
                duration("wagate.simulator.scan-delay"),
                duration("wagate.simulator.qr-rotation"),
                duration("wagate.simulator.server-ack-delay"),
                duration("wagate.simulator.delivery-delay"),
                duration("wagate.simulator.read-delay")));
        commandsTopic = prefix + Topics.COMMANDS;
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
        events = new KafkaTap(bootstrapServers, prefix + Topics.EVENTS);
    }

    /** Starts one more instance; {@code crashable} ones leave the group by timing out, never by saying so. */
    Instance start(String name, boolean crashable) {
        Map<String, Object> own = new HashMap<>(properties);
        if (crashable) {
            own.put("kafka.internal.leave.group.on.close", false);
        }
        ApplicationContext context = ApplicationContext.builder()
                .properties(own)
                .beanDefinitions(RuntimeBeanDefinition.builder(SimulatedWhatsApp.class, () -> whatsApp)
                        .singleton(true)
                        .replaces(SimulatedWhatsApp.class)
                        .build())
                .start();
        context.getBean(EmbeddedServer.class).start();
        var instance = new Instance(name, context);
        instances.add(instance);
        return instance;
    }

    Instance start(String name) {
        return start(name, false);
    }

    /**
     * Kills an instance the way a crash does: its Kafka consumer stops fetching and then goes away
     * without committing or leaving the group (the group notices by the session timeout), its
     * sessions stop at once without closing anything cleanly or announcing a word, and their sockets
     * are cut.
     */
    void crash(Instance victim) {
        ConsumerRegistry consumers = victim.context.getBean(ConsumerRegistry.class);
        consumers.getConsumerIds().forEach(consumers::pause);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> consumers.getConsumerIds().stream()
                .allMatch(consumers::isPaused));
        victim.context.getBean(SessionRegistry.class).haltAll();
        instances.remove(victim);
        victim.context.close();
    }

    /** Stops an instance cleanly, as a rolling deployment does: its sessions are handed over. */
    void stop(Instance instance) {
        instances.remove(instance);
        instance.context.close();
    }

    List<Instance> instances() {
        return List.copyOf(instances);
    }

    SimulatedWhatsApp whatsApp() {
        return whatsApp;
    }

    void produce(String key, byte[] value) {
        produce(new ProducerRecord<>(commandsTopic, key, value));
    }

    /** Produces a command in a trace, as api-service does: a W3C traceparent header. */
    void produceTraced(String key, byte[] value, String traceparent) {
        var record = new ProducerRecord<>(commandsTopic, key, value);
        record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.US_ASCII));
        produce(record);
    }

    private void produce(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String commandsTopic() {
        return commandsTopic;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Object property(String key) {
        return properties.get(key);
    }

    List<Event> events() {
        return events.records().stream()
                .map(record -> EventCodec.decode(record.value()))
                .toList();
    }

    List<Event> eventsOf(String sessionId) {
        return events.records().stream()
                .filter(record -> sessionId.equals(record.key()))
                .map(record -> EventCodec.decode(record.value()))
                .toList();
    }

    List<SessionStatusChanged> statusesOf(String sessionId) {
        return eventsOf(sessionId).stream()
                .map(Event::getData)
                .filter(SessionStatusChanged.class::isInstance)
                .map(SessionStatusChanged.class::cast)
                .toList();
    }

    /** When the session last announced {@code connected}, if it did. */
    Optional<Instant> lastConnectedAt(String sessionId) {
        return eventsOf(sessionId).stream()
                .filter(event -> event.getData() instanceof SessionStatusChanged status
                        && status.getStatus() == SessionStatus.CONNECTED)
                .map(Event::getCreatedAt)
                .reduce((first, second) -> second);
    }

    boolean isConnected(String sessionId) {
        List<SessionStatusChanged> statuses = statusesOf(sessionId);
        return !statuses.isEmpty() && statuses.getLast().getStatus() == SessionStatus.CONNECTED;
    }

    /** The trace id of each event of the message (a traceparent's second field), "" for one without. */
    List<String> traceIdsOf(String messageId) {
        return events.records().stream()
                .filter(record -> EventCodec.decode(record.value()).getData() instanceof MessageStatusChanged changed
                        && changed.getMessageId().equals(messageId))
                .map(record -> record.headers().lastHeader("traceparent"))
                .map(header ->
                        header == null ? "" : new String(header.value(), StandardCharsets.US_ASCII).split("-")[1])
                .toList();
    }

    List<MessageStatus> messageStatuses(String messageId) {
        return events().stream()
                .map(Event::getData)
                .filter(MessageStatusChanged.class::isInstance)
                .map(MessageStatusChanged.class::cast)
                .filter(event -> event.getMessageId().equals(messageId))
                .map(MessageStatusChanged::getStatus)
                .toList();
    }

    /** The instances running the session right now (one, when all is well). */
    List<Instance> runnersOf(String sessionId) {
        return instances.stream()
                .filter(instance -> instance.registry().find(sessionId).isPresent())
                .toList();
    }

    @Override
    public void close() throws InterruptedException {
        for (Instance instance : instances) {
            instance.context.close();
        }
        instances.clear();
        events.close();
        producer.close();
        whatsApp.close();
    }

    private Duration duration(String key) {
        return secondsOf(properties.get(key).toString());
    }

    /** "300ms", "10s" → a Duration. */
    private static Duration secondsOf(String text) {
        String value = text.strip().toLowerCase();
        if (value.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
        }
        if (value.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
        }
        return Duration.ofMillis(Long.parseLong(value));
    }

    /** One session-service instance of the cluster. */
    record Instance(String name, ApplicationContext context) {

        SessionRegistry registry() {
            return context.getBean(SessionRegistry.class);
        }

        PartitionOwnership ownership() {
            return context.getBean(PartitionOwnership.class);
        }

        boolean ready() {
            return context.getBean(ConsumerAssignmentReadiness.class).isAssigned();
        }
    }
}
