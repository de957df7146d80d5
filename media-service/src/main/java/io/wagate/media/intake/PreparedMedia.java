package io.wagate.media.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.wagate.media.store.MediaRecord;

/** {@code {"id","kind","mimetype","size","sha256","filename"}}: stored media, ready for a send. */
// Absent values are written as null: clients see every field, always.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record PreparedMedia(
        String id,
        String kind,
        String mimetype,
        long size,
        String sha256,
        @Nullable String filename) {

    static PreparedMedia of(MediaRecord media, String kind, @Nullable String filename) {
        return new PreparedMedia(
                media.id(),
                kind,
                media.mimetype(),
                media.size(),
                media.sha256(),
                filename != null ? filename : media.filename());
    }
}
