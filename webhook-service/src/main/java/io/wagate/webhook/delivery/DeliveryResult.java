package io.wagate.webhook.delivery;

import java.time.Duration;

/** What becomes of a delivery after an attempt. */
public sealed interface DeliveryResult {

    /** The endpoint answered 2xx. */
    record Delivered() implements DeliveryResult {}

    /** It failed and is tried again after the delay. */
    record RetryIn(Duration delay) implements DeliveryResult {}

    /** It failed and the retry schedule is used up. */
    record GaveUp() implements DeliveryResult {}

    /** The endpoint answered 410 Gone: this delivery fails and the endpoint is disabled. */
    record EndpointGone() implements DeliveryResult {}
}
