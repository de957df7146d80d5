package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void delaySecondsAreADelay() {
        assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofMinutes(2));
        assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsTheDelayUntilThen() {
        assertThat(RetryAfter.parse("Sat, 01 Mar 2025 12:05:00 GMT", NOW)).contains(Duration.ofMinutes(5));
    }

    @Test
    void anHttpDateInThePastMeansNow() {
        assertThat(RetryAfter.parse("Sat, 01 Mar 2025 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5", "2025-03-01T12:05:00Z"})
    void anythingElseIsIgnored(String value) {
        assertThat(RetryAfter.parse(value, NOW)).isEmpty();
    }

    @Test
    void anAbsurdlyLargeDelayDoesNotOverflow() {
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).get().satisfies(delay -> assertThat(delay)
                .isGreaterThan(Duration.ofDays(365)));
    }
}
