package io.wagate.bench;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * An open-loop load generator: starts request {@code n} at {@code start + n / rate}, each on its own
 * virtual thread, whether or not earlier ones have answered (so a slow system shows up as latency,
 * not as a politely lower rate). The same generator drives the gateway and both baselines.
 */
final class LoadGenerator {

    private LoadGenerator() {}

    /** Runs {@code request} {@code rate} times a second for {@code duration}; waits for every request. */
    static void run(int rate, Duration duration, LongConsumer request) throws InterruptedException {
        long total = rate * duration.toSeconds();
        long interval = 1_000_000_000L / rate;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            long start = System.nanoTime();
            for (long n = 0; n < total; n++) {
                long due = start + n * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long sequence = n;
                threads.execute(() -> request.accept(sequence));
            }
            threads.shutdown();
            if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("requests still running two minutes after the last was started");
            }
        }
    }
}
