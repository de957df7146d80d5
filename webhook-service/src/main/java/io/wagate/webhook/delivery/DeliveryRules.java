package io.wagate.webhook.delivery;

import java.time.Duration;
import java.util.Optional;

/**
 * What an attempt's outcome means for its delivery: 2xx delivered; 410 Gone disables the endpoint;
 * anything else (3xx included, redirects are never followed) is retried on the schedule, except that a
 * 429 or 503 with Retry-After is retried when it asks, though never later than the schedule's longest
 * delay; once the schedule is used up the delivery has failed.
 */
final class DeliveryRules {

    private final RetryPolicy retryPolicy;

    DeliveryRules(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    /** @param attemptsBefore failed attempts before this one */
    DeliveryResult judge(int attemptsBefore, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Responded responded) {
            if (responded.successful()) {
                return new DeliveryResult.Delivered();
            }
            if (responded.statusCode() == 410) {
                return new DeliveryResult.EndpointGone();
            }
        }
        Optional<Duration> scheduled = retryPolicy.delayAfter(attemptsBefore + 1);
        if (scheduled.isEmpty()) {
            return new DeliveryResult.GaveUp();
        }
        Duration delay = askedDelay(outcome)
                .map(asked -> asked.compareTo(retryPolicy.longestDelay()) > 0 ? retryPolicy.longestDelay() : asked)
                .orElse(scheduled.get());
        return new DeliveryResult.RetryIn(delay);
    }

    private static Optional<Duration> askedDelay(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Responded responded
                && (responded.statusCode() == 429 || responded.statusCode() == 503)) {
            return Optional.ofNullable(responded.retryAfter());
        }
        return Optional.empty();
    }
}
