package io.wagate.session.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import io.wagate.session.MessageStatus;
import java.time.Instant;
import java.util.Map;

/**
 * One SendMessage command, recorded before WhatsApp sees the message. {@code waMessageId} is null
 * when the message failed before it reached WhatsApp; {@code traceparent} is the W3C trace context
 * of the command that queued it, continued by every event of the message.
 */
@MappedEntity("outbound_messages")
public record OutboundMessageRow(
        @Id String messageId,
        String sessionId,
        String organizationId,
        @Nullable String waMessageId,
        String recipient,
        @Nullable String clientRef,
        @TypeDef(type = DataType.JSON) Map<String, String> metadata,
        MessageStatus status,
        @Nullable String failureCode,
        @Nullable String failureMessage,
        @Nullable String traceparent,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {}
