package io.wagate.webhook.endpoint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.List;

/** A row of {@code endpoints}. An empty {@code eventTypes} subscribes to every type. */
@MappedEntity("endpoints")
public record EndpointEntity(
        @Id String id,
        String organizationId,
        String url,
        @Nullable String description,
        @TypeDef(type = DataType.STRING_ARRAY) String[] eventTypes,
        String secret,
        boolean enabled,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt) {

    public List<String> eventTypeList() {
        return List.of(eventTypes);
    }
}
