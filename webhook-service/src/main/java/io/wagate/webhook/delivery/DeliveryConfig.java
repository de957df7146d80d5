package io.wagate.webhook.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code wagate.webhooks.*}: how deliveries are attempted.
 *
 * @param timeout longest one attempt may take, connect to last byte read
 * @param lease how long a claimed delivery stays ours; longer than {@code timeout}, so a live attempt
 *     is never claimed twice, and what a crashed instance's deliveries wait before being retried
 * @param retrySchedule delay before each retry: the n-th failure waits the n-th entry (±10 % jitter);
 *     once they are used up the delivery fails. So at most {@code 1 + size} attempts.
 * @param pollInterval how often due deliveries are looked for when nobody signals new ones
 * @param batchSize most deliveries claimed by one query
 * @param maxConcurrency most attempts in flight at once in this instance
 * @param shutdownGrace how long a stopping instance lets attempts in flight finish before it hands
 *     them back
 */
@ConfigurationProperties("wagate.webhooks")
public record DeliveryConfig(
        @Bindable(defaultValue = "15s") Duration timeout,
        @Bindable(defaultValue = "60s") Duration lease,

        @Bindable(defaultValue = "0s,5s,5m,30m,2h,5h,10h,10h")
        List<Duration> retrySchedule,

        @Bindable(defaultValue = "200ms") Duration pollInterval,
        @Bindable(defaultValue = "50") int batchSize,
        @Bindable(defaultValue = "100") int maxConcurrency,
        @Bindable(defaultValue = "10s") Duration shutdownGrace) {

    public DeliveryConfig {
        requirePositive(timeout, "timeout");
        requirePositive(pollInterval, "poll-interval");
        if (lease.compareTo(timeout) <= 0) {
            throw new IllegalArgumentException(
                    "wagate.webhooks.lease (" + lease + ") must exceed wagate.webhooks.timeout (" + timeout + ")");
        }
        retrySchedule = List.copyOf(retrySchedule);
        if (retrySchedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("wagate.webhooks.retry-schedule must not hold negative delays");
        }
        if (batchSize < 1 || maxConcurrency < 1) {
            throw new IllegalArgumentException("wagate.webhooks.batch-size and max-concurrency must be at least 1");
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("wagate.webhooks.shutdown-grace must not be negative");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("wagate.webhooks." + name + " must be positive");
        }
    }
}
