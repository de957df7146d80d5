package io.wagate.webhook.event;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/**
 * An event as webhooks send it: who it belongs to, its public type, and the exact JSON body.
 * {@code sessionId} is null for events that are not a session's (webhook.endpoint.disabled).
 */
public record WebhookEvent(
        String id, String organizationId, @Nullable String sessionId, String type, Instant createdAt, String payload) {}
