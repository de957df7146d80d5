package io.wagate.webhook.delivery;

import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.wagate.webhook.event.EventsStored;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims due deliveries, up to {@code batch-size} per query, and attempts them concurrently, one
 * virtual thread each. At most {@code max-concurrency} deliveries are in flight (claimed and not yet
 * recorded), and at most {@code max-concurrency-per-endpoint} HTTP attempts to one endpoint at a time
 * (deliveries claimed beyond that are handed back at once, and full endpoints are left out of the
 * next claim), so a slow endpoint never holds back the others. Attempts are written in batches by the
 * {@link AttemptRecorder}. It looks every {@code poll-interval}, and at once when {@link #wake()}
 * says new deliveries are due or a full endpoint has room again.
 */
@Singleton
public class DeliveryDispatcher implements ApplicationEventListener<StartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryDispatcher.class);
    private static final Duration BACKOFF_AFTER_ERROR = Duration.ofSeconds(1);

    private final JdbcDeliveryStore store;
    private final DeliveryWorker worker;
    private final AttemptRecorder recorder;
    private final DeliveryConfig config;
    private final EndpointGates gates;
    private final Semaphore freeSlots;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Set<ClaimedDelivery> inFlight = ConcurrentHashMap.newKeySet();
    private final ExecutorService attempts = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    private Thread loop;

    DeliveryDispatcher(
            JdbcDeliveryStore store, DeliveryWorker worker, AttemptRecorder recorder, DeliveryConfig config) {
        this.store = store;
        this.worker = worker;
        this.recorder = recorder;
        this.config = config;
        this.gates = new EndpointGates(config.maxConcurrencyPerEndpoint(), config.pacingHorizon());
        this.freeSlots = new Semaphore(config.maxConcurrency());
    }

    @Override
    public synchronized void onApplicationEvent(StartupEvent event) {
        if (loop == null) {
            running = true;
            loop = Thread.ofPlatform().name("webhook-dispatcher").daemon().start(this::run);
        }
    }

    /** Deliveries stored by a transaction are claimable once it commits: look then. */
    @TransactionalEventListener
    void onEventsStored(EventsStored stored) {
        if (stored.deliveries() > 0) {
            wake();
        }
    }

    /** Deliveries are due: look now rather than at the next poll. */
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
        List<ClaimedDelivery> due =
                store.claimDue(wanted, config.maxConcurrencyPerEndpoint(), config.lease(), gates.saturated());
        List<ClaimedDelivery> full = new ArrayList<>();
        for (ClaimedDelivery delivery : due) {
            Duration wait = gates.enter(delivery);
            if (wait == null) {
                full.add(delivery);
                continue;
            }
            freeSlots.acquire(); // never blocks: only this thread takes slots, and wanted <= free
            inFlight.add(delivery);
            attempts.execute(() -> attempt(delivery, wait));
        }
        if (!full.isEmpty()) {
            store.release(full);
        }
        return due.size() == wanted;
    }

    private void attempt(ClaimedDelivery delivery, Duration wait) {
        boolean recording = false;
        try {
            if (!wait.isZero()) {
                Thread.sleep(wait);
            }
            Optional<AttemptRecord> attempt = worker.attempt(delivery);
            leaveEndpoint(delivery);
            if (attempt.isPresent()) {
                recorder.submit(attempt.get(), () -> recorded(delivery));
                recording = true;
            }
        } catch (InterruptedException e) {
            // Shutting down before its turn came: it is handed back.
            leaveEndpoint(delivery);
        } catch (RuntimeException e) {
            // Its lease runs out and it is attempted again; nothing is lost.
            LOG.warn("Attempting delivery {} failed; it will be retried when its lease ends", delivery.deliveryId(), e);
            leaveEndpoint(delivery);
        } finally {
            inFlight.remove(delivery);
            if (!recording) {
                freeSlots.release();
            }
        }
    }

    /** The HTTP attempt is over: the endpoint has room for another one, even before this is recorded. */
    private void leaveEndpoint(ClaimedDelivery delivery) {
        if (gates.leave(delivery.endpointId())) {
            wake();
        }
    }

    private void recorded(ClaimedDelivery delivery) {
        freeSlots.release();
        if (delivery.fifo()) {
            wake(); // the next event of its session may be due now
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
            attempts.awaitTermination(1, TimeUnit.SECONDS);
        }
        recorder.stop(config.shutdownGrace().toMillis());
    }
}
