package io.wagate.api.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

@MappedEntity("api_keys")
public record ApiKey(
        @Id String id,
        String organizationId,
        @Nullable String name,
        String keyHash,
        String prefix,
        boolean admin,
        Instant createdAt,
        @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
