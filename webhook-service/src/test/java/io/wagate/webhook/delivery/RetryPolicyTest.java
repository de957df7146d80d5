package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final List<Duration> DEFAULT_SCHEDULE = List.of(
            Duration.ZERO,
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(10));

    @Test
    void theFirstRetryIsImmediateAndTheSecondFiveSecondsLater() {
        RetryPolicy policy = new RetryPolicy(DEFAULT_SCHEDULE, () -> 0.5);

        assertThat(policy.delayAfter(1)).contains(Duration.ZERO);
        assertThat(policy.delayAfter(2)).contains(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(8)).contains(Duration.ofHours(10));
    }

    @Test
    void jitterStaysWithinTenPercentEitherWay() {
        // Given the extremes of the random source
        RetryPolicy lowest = new RetryPolicy(DEFAULT_SCHEDULE, () -> 0.0);
        RetryPolicy highest = new RetryPolicy(DEFAULT_SCHEDULE, () -> Math.nextDown(1.0));

        // Then every delay lies within ±10 % of the schedule's
        IntStream.rangeClosed(1, DEFAULT_SCHEDULE.size()).forEach(failures -> {
            Duration base = DEFAULT_SCHEDULE.get(failures - 1);
            assertThat(lowest.delayAfter(failures)).contains(Duration.ofNanos(Math.round(base.toNanos() * 0.9)));
            assertThat(highest.delayAfter(failures).orElseThrow())
                    .isBetween(
                            Duration.ofNanos(Math.round(base.toNanos() * 1.09)),
                            Duration.ofNanos(Math.round(base.toNanos() * 1.1)));
        });
    }

    @Test
    void realRandomJitterStaysWithinBounds() {
        RetryPolicy policy = new RetryPolicy(DEFAULT_SCHEDULE);

        IntStream.range(0, 1_000).forEach(i -> assertThat(policy.delayAfter(3).orElseThrow())
                .isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330)));
    }

    @Test
    void theDeliveryFailsOnceTheScheduleIsUsedUp() {
        RetryPolicy policy = new RetryPolicy(DEFAULT_SCHEDULE);

        assertThat(policy.delayAfter(DEFAULT_SCHEDULE.size())).isPresent();
        assertThat(policy.delayAfter(DEFAULT_SCHEDULE.size() + 1)).isEmpty();
        assertThat(policy.maxAttempts()).isEqualTo(9);
    }

    @Test
    void anEmptyScheduleMeansASingleAttempt() {
        RetryPolicy policy = new RetryPolicy(List.of());

        assertThat(policy.delayAfter(1)).isEmpty();
        assertThat(policy.maxAttempts()).isEqualTo(1);
    }
}
