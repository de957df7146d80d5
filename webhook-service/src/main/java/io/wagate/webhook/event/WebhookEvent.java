package io.wagate.webhook.event;

import java.time.Instant;

/** An event as webhooks send it: who it belongs to, its public type, and the exact JSON body. */
public record WebhookEvent(
        String id, String organizationId, String sessionId, String type, Instant createdAt, String payload) {}
