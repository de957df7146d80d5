package io.wagate.session.media;

/**
 * media-service refused a request for good: {@code code} is its stable error code (media_too_large,
 * unsupported_media_type, url_not_allowed, media_fetch_failed, media_not_found, validation_error).
 */
public final class MediaRefusedException extends RuntimeException {

    private final String code;

    public MediaRefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
