package io.wagate.api.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** media-service as api-service uses it: make a send's media ready before the send is queued. */
public interface MediaService {

    /**
     * Fetches, decodes or looks up the media, checks it against {@code kind}'s formats and limits,
     * converts it where WhatsApp demands and stores it.
     *
     * @throws io.wagate.api.error.ApiException media-service's refusal with its status and code
     *     ({@code media_too_large}, {@code unsupported_media_type}, {@code url_not_allowed}, {@code
     *     media_fetch_failed}, {@code media_not_found}, {@code validation_error}), or {@code
     *     unavailable} when it cannot be reached
     */
    PreparedMedia prepare(PrepareRequest request);

    /** Exactly one of {@code mediaId}, {@code url} and {@code base64} is set. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    record PrepareRequest(
            String organizationId,
            String kind,
            @Nullable String mediaId,
            @Nullable String url,
            @Nullable String base64,
            @Nullable String filename,
            @Nullable String mimetype) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    record PreparedMedia(
            String id,
            @Nullable String kind,
            String mimetype,
            long size,
            @Nullable String sha256,
            @Nullable String filename) {}
}
