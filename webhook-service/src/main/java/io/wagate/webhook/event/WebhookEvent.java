package io.wagate.webhook.event;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * An event as webhooks send it: who it belongs to, its public type, and the exact JSON body.
 * {@code sessionId} is null for events that are not a session's (webhook.endpoint.disabled);
 * {@code traceparent} is the W3C trace context the event arrived with, passed on to subscribers.
 */
public record WebhookEvent(
        String id,
        String organizationId,
        @Nullable String sessionId,
        String type,
        Instant createdAt,
        String payload,
        @Nullable String traceparent) {

    public WebhookEvent(
            String id,
            String organizationId,
            @Nullable String sessionId,
            String type,
            Instant createdAt,
            String payload) {
        this(id, organizationId, sessionId, type, createdAt, payload, null);
    }

    public WebhookEvent withTraceparent(@Nullable String context) {
        return new WebhookEvent(id, organizationId, sessionId, type, createdAt, payload, context);
    }
}
