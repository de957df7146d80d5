package io.wagate.api.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** A row of {@code idempotency_keys}; read only through the organization-scoped finder. */
@MappedEntity("idempotency_keys")
public record IdempotencyRecord(
        String organizationId,
        @Id String key,
        String requestHash,
        @Nullable String messageId,
        @Nullable String clientRef,
        Instant createdAt,
        @Nullable String status,
        @Nullable String waMessageId,
        @Nullable String errorCode,
        @Nullable String errorMessage,
        boolean pending) {}
