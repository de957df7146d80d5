package io.wagate.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/** Nanosecond samples, written concurrently into a fixed array, read once at the end. */
final class LatencyRecorder {

    private final long[] samples;
    private final AtomicInteger next = new AtomicInteger();

    LatencyRecorder(int capacity) {
        this.samples = new long[capacity];
    }

    void record(long nanos) {
        int index = next.getAndIncrement();
        if (index < samples.length) {
            samples[index] = nanos;
        }
    }

    int count() {
        return Math.min(next.get(), samples.length);
    }

    /** @param quantile 0 to 1 */
    double percentileMillis(double quantile) {
        long[] sorted = Arrays.copyOf(samples, count());
        if (sorted.length == 0) {
            return Double.NaN;
        }
        Arrays.sort(sorted);
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
