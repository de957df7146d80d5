package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** One step of a message's history, from the event that reported it. */
@MappedEntity("message_events")
public record MessageEventRow(
        @Id String eventId,
        String messageId,
        String status,
        Instant occurredAt,
        @Nullable String errorCode,
        @Nullable String errorMessage) {}
