package io.wagate.media.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** {@code POST /internal/v1/media/prepare}: checked by {@link PrepareRequestValidator}. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PrepareRequest(
        @Nullable String organizationId,
        @Nullable String kind,
        @Nullable String mediaId,
        @Nullable String url,
        @Nullable String base64,
        @Nullable String filename,
        @Nullable String mimetype) {}
