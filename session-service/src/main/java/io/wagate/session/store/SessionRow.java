package io.wagate.session.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.wagate.session.SessionStatus;
import java.time.Instant;

/**
 * A session of this service's partitions. {@code partition} is the commands-topic partition its key
 * hashes to when the topic has {@code partitionCount} partitions, so an instance assigned that
 * partition finds it; {@code authState} is the adapter's opaque credentials (a secret: never logged).
 */
@MappedEntity("sessions")
public record SessionRow(
        @Id String id,
        String organizationId,
        int partition,
        @Nullable Integer partitionCount,
        SessionStatus status,
        @Nullable String phoneNumber,
        @Nullable byte[] authState,
        @DateCreated @Nullable Instant createdAt,
        @DateUpdated @Nullable Instant updatedAt) {

    @Override
    public String toString() {
        return "SessionRow[id=" + id + ", partition=" + partition + ", status=" + status + "]";
    }
}
