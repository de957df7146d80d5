package io.wagate.session.events;

import com.github.f4b6a3.ulid.UlidCreator;
import io.micronaut.configuration.kafka.annotation.KafkaClient;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.annotation.Nullable;
import io.wagate.schemas.EventCodec;
import io.wagate.session.KafkaSettings;
import io.wagate.session.SessionRef;
import io.wagate.session.tracing.Traces;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Produces events keyed by session id, waiting for every in-sync replica, one at a time per caller. */
@Singleton
public class KafkaEventPublisher implements EventPublisher {

    /** The one producer of this service (events and dead letters): idempotent, acks=all. */
    public static final String PRODUCER_ID = "session-service";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaEventPublisher.class);

    private final Producer<String, byte[]> producer;
    private final KafkaSettings settings;
    private final Traces traces;

    public KafkaEventPublisher(
            @KafkaClient(
                            id = PRODUCER_ID,
                            acks = KafkaClient.Acknowledge.ALL,
                            properties = @Property(name = ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, value = "true"))
                    Producer<String, byte[]> producer,
            KafkaSettings settings,
            Traces traces) {
        this.producer = producer;
        this.settings = settings;
        this.traces = traces;
    }

    @Override
    public void publish(SessionRef session, SessionEvent event, @Nullable String traceparent) {
        String eventId = "evt_" + UlidCreator.getMonotonicUlid();
        // Avro timestamp-millis keeps milliseconds; truncating here makes what we log what we send.
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] value = EventCodec.encode(EventMapper.toAvro(eventId, now, session, event));
        var record = new ProducerRecord<>(settings.eventsTopic(), session.sessionId(), value);
        String trace = traceparent != null ? traceparent : traces.current();
        if (trace != null) {
            record.headers().add(Traces.TRACEPARENT, trace.getBytes(StandardCharsets.US_ASCII));
        }
        try {
            producer.send(record).get(settings.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.debug("{} {} {}", session.sessionId(), eventId, event.getClass().getSimpleName());
        } catch (ExecutionException e) {
            throw notPublished(session, e.getCause());
        } catch (TimeoutException | KafkaException e) {
            throw notPublished(session, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notPublished(session, e);
        }
    }

    private static EventNotPublishedException notPublished(SessionRef session, Throwable cause) {
        return new EventNotPublishedException("event of " + session.sessionId() + " not acknowledged: " + cause, cause);
    }
}
