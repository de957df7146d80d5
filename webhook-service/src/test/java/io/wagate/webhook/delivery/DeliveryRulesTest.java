package io.wagate.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryRulesTest {

    // No jitter: the unit random is always 0.5.
    private final DeliveryRules rules = new DeliveryRules(
            new RetryPolicy(List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5)), () -> 0.5));

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 204, 299})
    void any2xxIsDelivered(int status) {
        assertThat(rules.judge(0, answered(status, null))).isInstanceOf(DeliveryResult.Delivered.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307, 400, 404, 500})
    void anythingElseIsRetriedOnTheSchedule(int status) {
        assertThat(rules.judge(1, answered(status, null))).isEqualTo(new DeliveryResult.RetryIn(Duration.ofSeconds(5)));
    }

    @Test
    void goneDisablesTheEndpointWhateverTheScheduleSays() {
        assertThat(rules.judge(0, answered(410, null))).isInstanceOf(DeliveryResult.EndpointGone.class);
        assertThat(rules.judge(3, answered(410, null))).isInstanceOf(DeliveryResult.EndpointGone.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void tooManyRequestsOrUnavailableWithRetryAfterIsRetriedWhenAsked(int status) {
        assertThat(rules.judge(0, answered(status, Duration.ofSeconds(42))))
                .isEqualTo(new DeliveryResult.RetryIn(Duration.ofSeconds(42)));
    }

    @Test
    void aRetryAfterLongerThanTheSchedulesLongestDelayIsCappedToIt() {
        assertThat(rules.judge(0, answered(429, Duration.ofDays(2))))
                .isEqualTo(new DeliveryResult.RetryIn(Duration.ofMinutes(5)));
    }

    @Test
    void retryAfterOnAnotherStatusIsIgnored() {
        assertThat(rules.judge(1, answered(500, Duration.ofSeconds(42))))
                .isEqualTo(new DeliveryResult.RetryIn(Duration.ofSeconds(5)));
    }

    @Test
    void retryAfterDoesNotExtendAUsedUpSchedule() {
        assertThat(rules.judge(3, answered(429, Duration.ofSeconds(1)))).isInstanceOf(DeliveryResult.GaveUp.class);
    }

    @Test
    void noAnswerIsRetriedOnTheSchedule() {
        assertThat(rules.judge(0, new SendOutcome.Failed("timeout", 15_000)))
                .isEqualTo(new DeliveryResult.RetryIn(Duration.ZERO));
    }

    private static SendOutcome answered(int status, Duration retryAfter) {
        return new SendOutcome.Responded(status, 3, "", retryAfter);
    }
}
