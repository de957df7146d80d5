package io.wagate.session.media;

import io.micronaut.core.annotation.Nullable;

/** A page's Open Graph card; the thumbnail is a small JPEG (at most 64 KB) when the page has an image. */
public record LinkPreview(
        String url,
        @Nullable String title,
        @Nullable String description,
        @Nullable byte[] thumbnailJpeg) {}
