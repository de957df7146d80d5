package io.wagate.webhook.delivery;

import java.time.Duration;

/** What becomes of a delivery after an attempt. */
sealed interface DeliveryResult {

    /** The endpoint answered 2xx. */
    record Delivered() implements DeliveryResult {}

    /** It failed and is tried again after the delay. */
    record RetryIn(Duration delay) implements DeliveryResult {}

    /** It failed and the retry schedule is used up. */
    record GaveUp() implements DeliveryResult {}
}
