package io.wagate.media.library;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.wagate.media.store.MediaRecord;
import java.time.Instant;

/** {@code {"id","mimetype","size","sha256","filename","created_at"}}: media as the public API shows it. */
// Absent values are written as null: clients see every field, always.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record MediaView(
        String id,
        String mimetype,
        long size,
        String sha256,
        @Nullable String filename,
        Instant createdAt) {

    static MediaView of(MediaRecord media) {
        return new MediaView(
                media.id(), media.mimetype(), media.size(), media.sha256(), media.filename(), media.createdAt());
    }
}
