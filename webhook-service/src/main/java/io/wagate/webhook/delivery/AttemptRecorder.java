package io.wagate.webhook.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes finished attempts to the database in batches of up to {@code batch-size}, one transaction
 * each, instead of one transaction per attempt. An attempt counts as in flight until it is written, so
 * a crash before the write leaves its delivery leased and it is attempted again: at least once holds.
 */
@Singleton
class AttemptRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(AttemptRecorder.class);
    private static final long IDLE_POLL_MILLIS = 100;

    private final JdbcDeliveryStore store;
    private final EndpointHealth health;
    private final int batchSize;
    private final BlockingQueue<Finished> queue = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private Thread writer;

    private final WebhookMetrics metrics;

    AttemptRecorder(JdbcDeliveryStore store, EndpointHealth health, DeliveryConfig config, WebhookMetrics metrics) {
        this.store = store;
        this.health = health;
        this.metrics = metrics;
        this.batchSize = config.batchSize();
    }

    @PostConstruct
    void start() {
        writer = Thread.ofPlatform().name("webhook-attempt-recorder").daemon().start(this::run);
    }

    /** Queues the attempt; {@code afterWrite} runs once it is written, or once writing it failed. */
    void submit(AttemptRecord attempt, Runnable afterWrite) {
        queue.add(new Finished(attempt, afterWrite));
    }

    private void run() {
        List<Finished> batch = new ArrayList<>(batchSize);
        while (running || !queue.isEmpty()) {
            try {
                Finished first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Finished> batch) {
        List<AttemptRecord> attempts = batch.stream().map(Finished::attempt).toList();
        try {
            store.recordAll(attempts);
            metrics.recorded(attempts);
        } catch (RuntimeException e) {
            // Their leases run out and they are attempted again; nothing is lost.
            LOG.warn("Recording {} attempts failed; they will be retried when their leases end", attempts.size(), e);
            batch.forEach(finished -> finished.afterWrite().run());
            return;
        }
        try {
            health.afterAttempts(attempts);
        } catch (RuntimeException e) {
            LOG.warn("Tracking endpoint health after {} attempts failed: {}", attempts.size(), e.toString());
        }
        batch.forEach(finished -> finished.afterWrite().run());
    }

    /** Writes what is queued, then stops. */
    void stop(long graceMillis) throws InterruptedException {
        running = false;
        if (writer != null) {
            writer.join(graceMillis);
        }
    }

    private record Finished(AttemptRecord attempt, Runnable afterWrite) {}
}
