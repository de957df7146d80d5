package io.wagate.webhook.delivery;

import io.micronaut.core.annotation.Nullable;

/** A delivery to create: this event to this endpoint. */
public record NewDelivery(
        String eventId, String endpointId, @Nullable String sessionId) {}
