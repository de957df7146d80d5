package io.wagate.webhook.delivery;

import java.util.UUID;

/**
 * A due delivery this instance leased: everything one attempt needs. {@code attempts} counts the
 * attempts made before this one, all failed.
 */
record ClaimedDelivery(
        String deliveryId,
        String eventId,
        String endpointId,
        String url,
        String secret,
        String payload,
        int attempts,
        UUID leaseToken) {

    @Override
    public String toString() {
        return "ClaimedDelivery[" + deliveryId + " of " + eventId + " to " + endpointId + "]";
    }
}
