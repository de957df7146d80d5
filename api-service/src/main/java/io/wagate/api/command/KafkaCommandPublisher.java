package io.wagate.api.command;

import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.schemas.Topics;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Singleton
public class KafkaCommandPublisher implements CommandPublisher {

    static final String PRODUCER_ID = "commands";
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCommandPublisher.class);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Duration ackTimeout;
    private final io.micrometer.core.instrument.Timer kafkaAck;
    private final TextMapPropagator propagator;

    KafkaCommandPublisher(
            @KafkaClient(id = PRODUCER_ID) Producer<String, byte[]> producer,
            KafkaSettings settings,
            io.micrometer.core.instrument.MeterRegistry meters,
            OpenTelemetry openTelemetry) {
        this.producer = producer;
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.topic = settings.topicPrefix() + Topics.COMMANDS;
        this.ackTimeout = settings.ackTimeout();
        this.kafkaAck = io.micrometer.core.instrument.Timer.builder("wagate.send.latency")
                .description("Time from accepting a command to Kafka's acks=all acknowledgement")
                .tag("stage", "kafka_ack")
                .publishPercentileHistogram()
                .register(meters);
    }

    @Override
    public void publish(String sessionId, byte[] command) {
        long deadline = System.nanoTime() + ackTimeout.toNanos();
        try {
            // send() itself may block for metadata, up to max.block.ms = the ack timeout
            long started = System.nanoTime();
            var ack = producer.send(traced(new ProducerRecord<>(topic, sessionId, command), Context.current()));
            ack.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            kafkaAck.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | KafkaException e) {
            throw unavailable(sessionId, e);
        } catch (ExecutionException e) {
            throw unavailable(sessionId, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(sessionId, e);
        }
    }

    @Override
    public void publishWithoutWaiting(String sessionId, byte[] command) {
        // send() can block up to max.block.ms on metadata; the caller's answer must not wait for it
        Context trace = Context.current();
        Thread.ofVirtual().name("command-" + sessionId).start(() -> {
            try {
                producer.send(traced(new ProducerRecord<>(topic, sessionId, command), trace), (metadata, failure) -> {
                    if (failure != null) {
                        LOG.warn("command for {} was not queued: {}", sessionId, failure.toString());
                    }
                });
            } catch (KafkaException e) {
                LOG.warn("command for {} was not queued: {}", sessionId, e.toString());
            }
        });
    }

    /** The request's trace goes with the command (W3C traceparent header), so one send is one trace. */
    private ProducerRecord<String, byte[]> traced(ProducerRecord<String, byte[]> record, Context trace) {
        propagator.inject(
                trace,
                record.headers(),
                (headers, key, value) -> headers.add(key, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private ApiException unavailable(String sessionId, Throwable cause) {
        LOG.warn("Kafka did not acknowledge a command for {} within {}: {}", sessionId, ackTimeout, cause.toString());
        return new ApiException(
                new ApiError.Unavailable("the command queue did not acknowledge in time; nothing was queued, retry"),
                cause);
    }
}
