package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A message's current status and every step it took, oldest first. {@code chat} is where it was
 * sent or received; {@code to} is set for an outbound message, {@code from} for an inbound one.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record MessageJson(
        String id,
        String sessionId,
        String direction,
        @Nullable String to,
        @Nullable String from,
        String chat,
        @Nullable String type,
        String status,
        @Nullable String clientRef,
        Map<String, String> metadata,
        @Nullable String waMessageId,
        @Nullable String targetMessageId,
        @Nullable ErrorJson error,
        Instant createdAt,
        Instant updatedAt,
        List<StepJson> history) {

    @Serdeable
    public record ErrorJson(String code, @Nullable String message) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record StepJson(
            String status, Instant at, @Nullable ErrorJson error) {}

    static MessageJson of(Message message, List<MessageEventRow> events) {
        List<StepJson> steps = new ArrayList<>();
        steps.add(new StepJson(
                message.inbound() ? MessageStatus.RECEIVED.wire() : MessageStatus.QUEUED.wire(),
                message.createdAt(),
                null));
        events.forEach(
                e -> steps.add(new StepJson(e.status(), e.occurredAt(), error(e.errorCode(), e.errorMessage()))));
        return new MessageJson(
                message.id(),
                message.sessionId(),
                message.direction(),
                message.inbound() ? null : message.recipient(),
                message.sender(),
                message.recipient(),
                message.type(),
                message.status(),
                message.clientRef(),
                message.metadata(),
                message.waMessageId(),
                message.targetMessageId(),
                error(message.errorCode(), message.errorMessage()),
                message.createdAt(),
                message.updatedAt(),
                steps);
    }

    private static ErrorJson error(@Nullable String code, @Nullable String message) {
        return code == null ? null : new ErrorJson(code, message);
    }
}
