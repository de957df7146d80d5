package io.wagate.session.http;

import io.micronaut.http.HttpStatus;

/** Every error this service answers over HTTP (only health is served), classified once. */
enum HttpError {
    INVALID_JSON(HttpStatus.BAD_REQUEST, "invalid_json", "the request body is not valid JSON"),
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "bad_request", "the request is malformed"),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized", "missing or invalid credentials"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not_found", "no such resource"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "method not allowed on this resource"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not_acceptable", "cannot answer in an accepted media type"),
    UNSUPPORTED_CONTENT_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_content_type", "send application/json"),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "temporarily unavailable, retry"),
    INTERNAL(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "something went wrong on our side");

    private final HttpStatus status;
    private final String code;
    private final String message;

    HttpError(HttpStatus status, String code, String message) {
        this.status = status;
        this.code = code;
        this.message = message;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }

    String message() {
        return message;
    }

    static HttpError of(HttpStatus status, boolean bodyUnreadable) {
        return switch (status) {
            case BAD_REQUEST -> bodyUnreadable ? INVALID_JSON : BAD_REQUEST;
            case UNAUTHORIZED -> UNAUTHORIZED;
            case NOT_FOUND -> NOT_FOUND;
            case METHOD_NOT_ALLOWED -> METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> NOT_ACCEPTABLE;
            case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_CONTENT_TYPE;
            case SERVICE_UNAVAILABLE -> UNAVAILABLE;
            default -> status.getCode() < 500 ? BAD_REQUEST : INTERNAL;
        };
    }
}
