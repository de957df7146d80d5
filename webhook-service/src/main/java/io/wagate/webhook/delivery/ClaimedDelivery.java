package io.wagate.webhook.delivery;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.UUID;

/**
 * A due delivery this instance leased: everything one attempt needs. {@code attempts} counts the
 * attempts made before this one, all failed. {@code secrets} holds the endpoint's secret, then the one
 * it replaced while that still signs; {@code rateLimit} is deliveries per second, null for none;
 * {@code traceparent} is the trace context of the event, if it came with one.
 */
public record ClaimedDelivery(
        String deliveryId,
        String eventId,
        String endpointId,
        @Nullable String sessionId,
        String url,
        List<String> secrets,
        String payload,
        int attempts,
        @Nullable Integer rateLimit,
        boolean fifo,
        @Nullable String traceparent,
        UUID leaseToken) {

    public ClaimedDelivery {
        secrets = List.copyOf(secrets);
    }

    @Override
    public String toString() {
        return "ClaimedDelivery[" + deliveryId + " of " + eventId + " to " + endpointId + "]";
    }
}
