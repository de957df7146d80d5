package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.Map;

/**
 * A message as the API shows it; {@code status} is a {@link MessageStatus} in its wire form. For an
 * inbound message {@code recipient} is the chat it arrived in and {@code sender} who wrote it.
 */
@MappedEntity("messages")
public record Message(
        @Id String id,
        String organizationId,
        String sessionId,
        String recipient,
        @Nullable String type,
        @Nullable String clientRef,
        @TypeDef(type = DataType.JSON) Map<String, String> metadata,
        String status,
        @Nullable String waMessageId,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        Instant createdAt,
        Instant updatedAt,
        String direction,
        @Nullable String sender,
        @Nullable String targetMessageId) {

    public static final String OUTBOUND = "outbound";
    public static final String INBOUND = "inbound";

    /** A message this API was asked to send, before anything happened to it. */
    public static Message queued(
            String id,
            String organizationId,
            String sessionId,
            String recipient,
            @Nullable String type,
            @Nullable String clientRef,
            Map<String, String> metadata,
            @Nullable String targetMessageId,
            Instant now) {
        return new Message(
                id,
                organizationId,
                sessionId,
                recipient,
                type,
                clientRef,
                metadata,
                MessageStatus.QUEUED.wire(),
                null,
                null,
                null,
                now,
                now,
                OUTBOUND,
                null,
                targetMessageId);
    }

    public MessageStatus currentStatus() {
        return MessageStatus.fromWire(status).orElseThrow();
    }

    public boolean inbound() {
        return INBOUND.equals(direction);
    }

    Message movedTo(MessageStatusEvent event, Instant now) {
        return new Message(
                id,
                organizationId,
                sessionId,
                recipient,
                type,
                clientRef,
                metadata,
                event.status().wire(),
                event.waMessageId() != null ? event.waMessageId() : waMessageId,
                event.errorCode(),
                event.errorMessage(),
                createdAt,
                now,
                direction,
                sender,
                targetMessageId);
    }
}
