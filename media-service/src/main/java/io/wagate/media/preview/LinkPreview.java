package io.wagate.media.preview;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@code {"url","title","description","thumbnail_base64"}}: what WhatsApp shows under a link. */
// Absent values are written as null: clients see every field, always.
@JsonInclude(JsonInclude.Include.ALWAYS)
@Serdeable(naming = SnakeCaseStrategy.class)
public record LinkPreview(
        String url,
        @Nullable String title,
        @Nullable String description,
        @Nullable String thumbnailBase64) {}
