package io.wagate.media.intake;

import io.micronaut.core.annotation.Nullable;
import io.wagate.media.format.MediaKind;

/** Make media ready to send as {@code kind}; {@code filename} and {@code mimetype} are hints. */
public record PrepareCommand(
        String organizationId,
        MediaKind kind,
        MediaSource source,
        @Nullable String filename,
        @Nullable String mimetype) {}
