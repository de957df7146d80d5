package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.Map;

/** Emitted by session-service when WhatsApp acknowledges, delivers, reads or rejects a message. */
public record MessageStatusEvent(
        String eventId,
        Instant occurredAt,
        String sessionId,
        String organizationId,
        String messageId,
        String recipient,
        @Nullable String clientRef,
        Map<String, String> metadata,
        MessageStatus status,
        @Nullable String waMessageId,
        @Nullable String errorCode,
        @Nullable String errorMessage) {}
