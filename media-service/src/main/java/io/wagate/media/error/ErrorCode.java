package io.wagate.media.error;

import io.micronaut.http.HttpStatus;
import java.util.Locale;

/** Every error this service answers, with its HTTP status: the one place errors are classified. */
public enum ErrorCode {
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST),
    INVALID_JSON(HttpStatus.BAD_REQUEST),
    URL_NOT_ALLOWED(HttpStatus.BAD_REQUEST),
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    INVALID_SIGNATURE(HttpStatus.FORBIDDEN),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    MEDIA_NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    LINK_EXPIRED(HttpStatus.GONE),
    MEDIA_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    UNSUPPORTED_CONTENT_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    MEDIA_FETCH_FAILED(HttpStatus.UNPROCESSABLE_ENTITY),
    PREVIEW_UNAVAILABLE(HttpStatus.UNPROCESSABLE_ENTITY),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The stable lower_snake code clients match on. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String defaultMessage() {
        return switch (this) {
            case VALIDATION_ERROR, BAD_REQUEST -> "the request is not valid";
            case INVALID_JSON -> "the request body is not valid JSON for this endpoint";
            case URL_NOT_ALLOWED -> "the URL points at an address media may not be fetched from";
            case UNAUTHORIZED -> "a valid API key is required: Authorization: Bearer <key>";
            case INVALID_SIGNATURE -> "the download link's signature does not match";
            case FORBIDDEN -> "this API key may not do that";
            case NOT_FOUND -> "no such resource";
            case MEDIA_NOT_FOUND -> "no such media";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this resource";
            case NOT_ACCEPTABLE -> "this resource cannot answer in the requested type";
            case LINK_EXPIRED -> "the download link has expired";
            case MEDIA_TOO_LARGE -> "the media is too large";
            case UNSUPPORTED_MEDIA_TYPE -> "this type of media is not supported here";
            case UNSUPPORTED_CONTENT_TYPE -> "the request body has the wrong content type for this endpoint";
            case MEDIA_FETCH_FAILED -> "the media could not be fetched";
            case PREVIEW_UNAVAILABLE -> "no link preview could be made for this URL";
            case UNAVAILABLE -> "a dependency is unavailable; retry later";
            case INTERNAL_ERROR -> "internal error";
        };
    }
}
