package io.wagate.webhook.stream;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.wagate.webhook.event.EventsStored;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Wakes the open streams when events were stored, once the storing transaction committed. */
@Singleton
class StreamSignal {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stored = lock.newCondition();

    @TransactionalEventListener
    void onEventsStored(EventsStored events) {
        lock.lock();
        try {
            stored.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next store, or at most {@code millis}. */
    void await(long millis) throws InterruptedException {
        lock.lock();
        try {
            stored.await(millis, TimeUnit.MILLISECONDS);
        } finally {
            lock.unlock();
        }
    }
}
