package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.Map;

/** A message as the API shows it; {@code status} is a {@link MessageStatus} in its wire form. */
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
        Instant updatedAt) {

    MessageStatus currentStatus() {
        return MessageStatus.fromWire(status).orElseThrow();
    }
}
