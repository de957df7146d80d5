package io.wagate.api.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;

@MappedEntity("sessions")
public record Session(
        @Id String id,
        String organizationId,
        @Nullable String name,

        @TypeDef(type = DataType.STRING, converter = SessionStatusConverter.class)
        SessionStatus status,

        @Nullable String statusReason,
        @Nullable String phoneNumber,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant lastEventAt) {}
