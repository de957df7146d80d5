package io.wagate.session.runtime;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs tasks one at a time, in the order they were handed in, on a virtual thread started only while
 * there is work: an idle session holds no thread at all, so ten thousand of them cost a queue each.
 * Like a single-thread executor, tasks queued before {@link #shutdown} still run; later ones are
 * rejected.
 */
final class SerialExecutor implements Executor {

    private static final ThreadFactory THREADS =
            Thread.ofVirtual().name("session-", 0).factory();

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private volatile boolean shutdown;

    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        tasks.add(task);
        drainIfIdle();
    }

    /** Rejects new tasks; the queued ones still run. */
    void shutdown() {
        shutdown = true;
    }

    /** Rejects new tasks and forgets the queued ones, as a crash would. */
    void halt() {
        shutdown = true;
        tasks.clear();
    }

    private void drainIfIdle() {
        if (draining.compareAndSet(false, true)) {
            THREADS.newThread(this::drain).start();
        }
    }

    private void drain() {
        try {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
            }
        } finally {
            draining.set(false);
            // A task added between the last poll and the reset above must not wait for the next one.
            if (!tasks.isEmpty()) {
                drainIfIdle();
            }
        }
    }
}
