package io.wagate.api.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;

@Serdeable(naming = SnakeCaseStrategy.class)
public record SessionJson(
        String id,
        @Nullable String name,
        String status,
        @Nullable String statusReason,
        @Nullable String phoneNumber,
        Instant createdAt,
        Instant updatedAt) {

    static SessionJson of(Session session) {
        return new SessionJson(
                session.id(),
                session.name(),
                session.status().wire(),
                session.statusReason(),
                session.phoneNumber(),
                session.createdAt(),
                session.updatedAt());
    }
}
