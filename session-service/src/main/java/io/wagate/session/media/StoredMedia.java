package io.wagate.session.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Media as media-service keeps it ({@code {"id","kind","mimetype","size","sha256","filename"}}). */
@Serdeable
public record StoredMedia(
        String id,
        @Nullable String kind,
        String mimetype,
        long size,
        @Nullable String sha256,
        @Nullable String filename) {}
