package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class EndpointGatesTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final EndpointGates gates = new EndpointGates(3, Duration.ofSeconds(5), nanos::get);

    @Test
    void anEndpointTakesAtMostItsShareOfAttemptsAndOnlyItIsLeftOutOfTheNextClaim() {
        // Given three attempts in flight to a slow endpoint
        for (int i = 0; i < 3; i++) {
            assertThat(gates.enter(delivery("whk_slow", null))).isEqualTo(Duration.ZERO);
        }

        // Then a fourth is refused, the endpoint is saturated, and another endpoint still gets in
        assertThat(gates.enter(delivery("whk_slow", null))).isNull();
        assertThat(gates.saturated()).containsExactly("whk_slow");
        assertThat(gates.enter(delivery("whk_fast", null))).isEqualTo(Duration.ZERO);

        // When one attempt to the slow endpoint ends, it has room again, and says so
        assertThat(gates.leave("whk_slow")).isTrue();
        assertThat(gates.saturated()).isEmpty();
        assertThat(gates.leave("whk_fast")).isFalse();
    }

    @Test
    void aRateLimitedEndpointsAttemptsArePacedOneEveryOneOverRateSeconds() {
        // Given an endpoint limited to 2 deliveries a second (and room for 3 in flight)
        List<Duration> waits = List.of(
                gates.enter(delivery("whk_paced", 2)),
                gates.enter(delivery("whk_paced", 2)),
                gates.enter(delivery("whk_paced", 2)));

        // Then they are spaced 500 ms apart, none dropped
        assertThat(waits).containsExactly(Duration.ZERO, Duration.ofMillis(500), Duration.ofSeconds(1));
    }

    @Test
    void pacingNeverQueuesMoreThanTheHorizonAllows() {
        // Given an endpoint limited to 1 delivery a second, and a pacing horizon of 2 s
        EndpointGates wide = new EndpointGates(100, Duration.ofSeconds(2), nanos::get);

        // Then only two are let in at once: the second waits 1 s, a third would wait beyond the horizon
        assertThat(wide.enter(delivery("whk_slowly", 1))).isEqualTo(Duration.ZERO);
        assertThat(wide.enter(delivery("whk_slowly", 1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(wide.enter(delivery("whk_slowly", 1))).isNull();
    }

    @Test
    void aQuietRateLimitedEndpointStartsAtOnce() {
        assertThat(gates.enter(delivery("whk_paced", 1))).isEqualTo(Duration.ZERO);
        gates.leave("whk_paced");
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());

        assertThat(gates.enter(delivery("whk_paced", 1))).isEqualTo(Duration.ZERO);
    }

    private static ClaimedDelivery delivery(String endpointId, Integer rateLimit) {
        return new ClaimedDelivery(
                "dlv_" + UUID.randomUUID(),
                "evt_1",
                endpointId,
                "sess_1",
                "https://example.com/hook",
                List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                "{}",
                0,
                rateLimit,
                false,
                null,
                UUID.randomUUID());
    }
}
