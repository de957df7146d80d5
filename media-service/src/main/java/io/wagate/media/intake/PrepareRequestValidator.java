package io.wagate.media.intake;

import io.micronaut.core.annotation.Nullable;
import io.wagate.media.error.ApiException;
import io.wagate.media.format.MediaKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.stream.Stream;

/** Turns a prepare request into a command, or says which field is wrong (400 {@code validation_error}). */
final class PrepareRequestValidator {

    static final int MAX_FILENAME = 255;
    private static final int MAX_URL = 4096;
    private static final int MAX_MIMETYPE = 255;

    private PrepareRequestValidator() {}

    static PrepareCommand validate(PrepareRequest request) {
        String organizationId = required(request.organizationId(), "organization_id");
        MediaKind kind = kind(request.kind());
        long sources = Stream.of(request.mediaId(), request.url(), request.base64())
                .filter(value -> value != null && !value.isBlank())
                .count();
        if (sources != 1) {
            throw ApiException.invalidField("media_id", "give exactly one of media_id, url or base64");
        }
        MediaSource source;
        if (present(request.mediaId())) {
            source = new MediaSource.Stored(request.mediaId().strip());
        } else if (present(request.url())) {
            source = new MediaSource.Remote(url(request.url()));
        } else {
            source = new MediaSource.Inline(request.base64());
        }
        return new PrepareCommand(
                organizationId,
                kind,
                source,
                filename(request.filename()),
                bounded(request.mimetype(), "mimetype", MAX_MIMETYPE));
    }

    static MediaKind kind(@Nullable String value) {
        String kind = required(value, "kind");
        return MediaKind.fromWire(kind)
                .orElseThrow(() -> ApiException.invalidField("kind", "must be one of " + MediaKind.wireNames()));
    }

    static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, "is required");
        }
        return value.strip();
    }

    /** A bare name: whatever path a client sends along is not ours to keep. */
    @Nullable
    static String filename(@Nullable String value) {
        String filename = bounded(value, "filename", MAX_FILENAME);
        if (filename == null) {
            return null;
        }
        String bare = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        if (bare.isBlank() || bare.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField("filename", "must be a file name");
        }
        return bare;
    }

    /** Parses only: what the URL may reach (scheme, host, addresses) is the fetcher's guard to judge. */
    private static URI url(String value) {
        if (value.length() > MAX_URL) {
            throw ApiException.invalidField("url", "must be at most " + MAX_URL + " characters");
        }
        try {
            URI url = new URI(value.strip());
            if (!url.isAbsolute()) {
                throw ApiException.invalidField("url", "must be an absolute http(s) URL");
            }
            return url;
        } catch (URISyntaxException e) {
            throw ApiException.invalidField("url", "is not a valid URL");
        }
    }

    @Nullable
    private static String bounded(@Nullable String value, String field, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        return value.strip();
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }
}
