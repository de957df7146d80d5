package io.wagate.media.preview;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /internal/v1/link-preview {"url"}}. */
@Serdeable
public record LinkPreviewRequest(@Nullable String url) {}
