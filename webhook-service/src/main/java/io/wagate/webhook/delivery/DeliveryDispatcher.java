package io.wagate.webhook.delivery;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due deliveries and attempts them concurrently, one virtual thread each, at most
 * {@code max-concurrency} at a time. It looks every {@code poll-interval}, and at once when
 * {@link #wake()} says new deliveries were stored.
 */
@Singleton
public class DeliveryDispatcher implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Duration BACKOFF_AFTER_ERROR = Duration.ofSeconds(1);

    private final JdbcDeliveryStore store;
    private final DeliveryWorker worker;
    private final DeliveryConfig config;
    private final Semaphore freeSlots;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Set<ClaimedDelivery> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    private Thread loop;

    DeliveryDispatcher(JdbcDeliveryStore store, DeliveryWorker worker, DeliveryConfig config) {
        this.store = store;
        this.worker = worker;
        this.config = config;
        this.freeSlots = new Semaphore(config.maxConcurrency());
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (loop == null) {
            running = true;
            loop = Thread.ofPlatform().name("webhook-dispatcher").daemon().start(this::run);
        }
    }

    /** New deliveries are due: look now rather than at the next poll. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            try {
                if (!dispatchDue()) {
                    wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Claiming due deliveries failed, trying again in {}: {}", BACKOFF_AFTER_ERROR, e.toString());
                LOG.debug("Claim failure", e);
                try {
                    Thread.sleep(BACKOFF_AFTER_ERROR);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** @return whether more deliveries may be due right now */
    private boolean dispatchDue() throws InterruptedException {
        freeSlots.acquire(); // wait until at least one attempt may start
        freeSlots.release();
        int wanted = Math.min(config.batchSize(), freeSlots.availablePermits());
        List<ClaimedDelivery> due = store.claimDue(wanted, config.lease());
        for (ClaimedDelivery delivery : due) {
            freeSlots.acquire();
            inFlight.add(delivery);
            attempts.execute(() -> attempt(delivery));
        }
        return due.size() == wanted;
    }

    private void attempt(ClaimedDelivery delivery) {
        try {
            worker.attempt(delivery);
        } catch (RuntimeException e) {
            // Its lease runs out and it is attempted again; nothing is lost.
            LOG.warn("Recording delivery {} failed; it will be retried when its lease ends", delivery.deliveryId(), e);
        } finally {
            inFlight.remove(delivery);
            freeSlots.release();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        synchronized (this) {
            running = false;
            if (loop != null) {
                loop.interrupt();
                loop.join(config.shutdownGrace().toMillis());
            }
        }
        attempts.shutdown();
        if (!attempts.awaitTermination(config.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            List<ClaimedDelivery> unfinished = List.copyOf(inFlight);
            LOG.info("Handing back {} deliveries still in flight", unfinished.size());
            try {
                store.release(unfinished);
            } catch (RuntimeException e) {
                LOG.warn("Could not hand back deliveries in flight; they return when their lease ends", e);
            }
            attempts.shutdownNow();
        }
    }
}
