package io.wagate.webhook.error;

import io.micronaut.http.HttpStatus;
import java.util.Locale;

/** Every error this service answers, with its HTTP status: the one place errors are classified. */
public enum ErrorCode {
    VALIDATION_ERROR(HttpStatus.BAD_REQUEST),
    INVALID_JSON(HttpStatus.BAD_REQUEST),
    URL_NOT_ALLOWED(HttpStatus.BAD_REQUEST),
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    ENDPOINT_DISABLED(HttpStatus.CONFLICT),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE),
    UNSUPPORTED_CONTENT_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
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
            case VALIDATION_ERROR -> "the request is not valid";
            case INVALID_JSON -> "the request body is not valid JSON for this endpoint";
            case URL_NOT_ALLOWED -> "the URL points at an address webhooks may not reach";
            case BAD_REQUEST -> "the request is not valid";
            case UNAUTHORIZED -> "a valid API key is required: Authorization: Bearer <key>";
            case FORBIDDEN -> "this API key may not do that";
            case NOT_FOUND -> "no such resource";
            case METHOD_NOT_ALLOWED -> "this method is not allowed on this resource";
            case ENDPOINT_DISABLED -> "the webhook is disabled; enable it first (PATCH enabled: true)";
            case NOT_ACCEPTABLE -> "this resource answers application/json only";
            case PAYLOAD_TOO_LARGE -> "the request body is too large";
            case UNSUPPORTED_CONTENT_TYPE -> "the request body must be application/json";
            case UNAVAILABLE -> "a dependency is unavailable; retry later";
            case INTERNAL_ERROR -> "internal error";
        };
    }
}
