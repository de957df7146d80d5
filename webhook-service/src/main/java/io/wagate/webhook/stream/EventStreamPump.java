package io.wagate.webhook.stream;

import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * Turns a filter and a cursor into an endless SSE publisher: one virtual thread per open stream reads
 * pages of events after the cursor as the client asks for them, waits for the next store when it has
 * caught up, and sends a comment line when it has been quiet for {@code heartbeat}. It stops when the
 * client goes away.
 */
@Singleton
class EventStreamPump {

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamPump.class);
    private static final int PAGE_SIZE = 200;
    private static final long BACKPRESSURE_WAIT_MILLIS = 20;

    private final JdbcEventStreamReader reader;
    private final StreamSignal signal;
    private final EventStreamConfig config;

    EventStreamPump(JdbcEventStreamReader reader, StreamSignal signal, EventStreamConfig config) {
        this.reader = reader;
        this.signal = signal;
        this.config = config;
    }

    Flux<Event<String>> stream(StreamFilter filter, long cursor) {
        return Flux.create(
                sink -> {
                    Thread pump = Thread.ofVirtual()
                            .name("event-stream-" + filter.organizationId())
                            .start(() -> pump(sink, filter, cursor));
                    sink.onDispose(pump::interrupt);
                },
                FluxSink.OverflowStrategy.BUFFER);
    }

    private void pump(FluxSink<Event<String>> sink, StreamFilter filter, long start) {
        long cursor = start;
        long heartbeatNanos = config.heartbeat().toNanos();
        long lastSent = System.nanoTime();
        try {
            while (!sink.isCancelled()) {
                if (sink.requestedFromDownstream() <= 0) {
                    Thread.sleep(BACKPRESSURE_WAIT_MILLIS);
                    continue;
                }
                int wanted = (int) Math.min(PAGE_SIZE, sink.requestedFromDownstream());
                List<StreamedEvent> page = reader.after(filter, cursor, wanted);
                for (StreamedEvent event : page) {
                    sink.next(Event.of(event.payload()).id(event.id()).name(event.type()));
                    cursor = event.seq();
                }
                long now = System.nanoTime();
                if (!page.isEmpty()) {
                    lastSent = now;
                    if (page.size() == wanted) {
                        continue;
                    }
                } else if (now - lastSent >= heartbeatNanos) {
                    sink.next(Event.of("").comment("heartbeat"));
                    lastSent = now;
                }
                long untilHeartbeat = heartbeatNanos - (System.nanoTime() - lastSent);
                signal.await(Math.max(1, Math.min(config.pollInterval().toMillis(), untilHeartbeat / 1_000_000)));
            }
        } catch (InterruptedException e) {
            // The client went away.
        } catch (RuntimeException e) {
            LOG.warn("Event stream of {} failed: {}", filter.organizationId(), e.toString());
            sink.error(e);
        }
    }
}
