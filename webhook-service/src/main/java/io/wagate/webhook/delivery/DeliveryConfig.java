package io.wagate.webhook.delivery;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;
import java.util.List;

/**
 * {@code wagate.webhooks.*}: how deliveries are attempted.
 *
 * @param timeout longest one attempt may take, connect to last byte read
 * @param lease how long a claimed delivery stays ours; longer than {@code timeout} plus the pacing of a
 *     rate-limited endpoint, so a live attempt is never claimed twice, and what a crashed instance's
 *     deliveries wait before being retried
 * @param retrySchedule delay before each retry: the n-th failure waits the n-th entry (±10 % jitter);
 *     once they are used up the delivery fails. So at most {@code 1 + size} attempts.
 * @param pollInterval how often due deliveries are looked for when nobody signals new ones
 * @param batchSize most deliveries claimed by one query, and most attempts recorded by one transaction
 * @param maxConcurrency most attempts in flight at once in this instance
 * @param maxConcurrencyPerEndpoint most attempts in flight at once to one endpoint, so that a slow or
 *     dead endpoint holds at most this many of the {@code max-concurrency} slots
 * @param shutdownGrace how long a stopping instance lets attempts in flight finish before it hands
 *     them back
 * @param disableAfter how long an endpoint may fail every attempt before it is disabled
 */
@ConfigurationProperties("wagate.webhooks")
public record DeliveryConfig(
        @Bindable(defaultValue = "15s") Duration timeout,
        @Bindable(defaultValue = "60s") Duration lease,

        @Bindable(defaultValue = "0s,5s,5m,30m,2h,5h,10h,10h")
        List<Duration> retrySchedule,

        @Bindable(defaultValue = "200ms") Duration pollInterval,
        @Bindable(defaultValue = "500") int batchSize,
        @Bindable(defaultValue = "256") int maxConcurrency,
        @Bindable(defaultValue = "32") int maxConcurrencyPerEndpoint,
        @Bindable(defaultValue = "10s") Duration shutdownGrace,
        @Bindable(defaultValue = "5d") Duration disableAfter) {

    private static final Duration MAX_PACING_HORIZON = Duration.ofSeconds(5);

    public DeliveryConfig {
        requirePositive(timeout, "timeout");
        requirePositive(pollInterval, "poll-interval");
        requirePositive(disableAfter, "disable-after");
        if (lease.compareTo(timeout) <= 0) {
            throw new IllegalArgumentException(
                    "wagate.webhooks.lease (" + lease + ") must exceed wagate.webhooks.timeout (" + timeout + ")");
        }
        retrySchedule = List.copyOf(retrySchedule);
        if (retrySchedule.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("wagate.webhooks.retry-schedule must not hold negative delays");
        }
        if (batchSize < 1 || maxConcurrency < 1 || maxConcurrencyPerEndpoint < 1) {
            throw new IllegalArgumentException(
                    "wagate.webhooks.batch-size, max-concurrency and max-concurrency-per-endpoint must be at least 1");
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("wagate.webhooks.shutdown-grace must not be negative");
        }
    }

    /**
     * The longest a claimed delivery to a rate-limited endpoint waits for its turn: at most 5 s, and at
     * most half of what the lease leaves after the timeout, so its lease never runs out first.
     */
    Duration pacingHorizon() {
        Duration half = lease.minus(timeout).dividedBy(2);
        return half.compareTo(MAX_PACING_HORIZON) < 0 ? half : MAX_PACING_HORIZON;
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("wagate.webhooks." + name + " must be positive");
        }
    }
}
