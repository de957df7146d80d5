package io.wagate.webhook.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed delivery again: the n-th failure waits the n-th delay of the schedule, moved
 * by up to ±10 % so that endpoints recovering from an outage are not hit by every retry at once.
 */
public final class RetryPolicy {

    static final double JITTER = 0.10;

    private final List<Duration> schedule;
    private final DoubleSupplier unitRandom;

    public RetryPolicy(List<Duration> schedule) {
        this(schedule, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param unitRandom a number in [0, 1) per call */
    RetryPolicy(List<Duration> schedule, DoubleSupplier unitRandom) {
        this.schedule = List.copyOf(schedule);
        this.unitRandom = unitRandom;
    }

    /**
     * @param failedAttempts how many attempts have failed so far, this one included (1 or more)
     * @return the delay before the next attempt, or empty when the schedule is used up
     */
    public Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > schedule.size()) {
            return Optional.empty();
        }
        Duration base = schedule.get(failedAttempts - 1);
        double factor = 1 - JITTER + 2 * JITTER * unitRandom.getAsDouble();
        return Optional.of(Duration.ofNanos(Math.round(base.toNanos() * factor)));
    }

    /** The schedule's longest delay: how long a Retry-After may postpone an attempt at most. */
    public Duration longestDelay() {
        return schedule.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    public int maxAttempts() {
        return schedule.size() + 1;
    }
}
