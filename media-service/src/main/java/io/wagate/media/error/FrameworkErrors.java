package io.wagate.media.error;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;

/** Which {@link ErrorCode} an error raised by the framework itself is. */
final class FrameworkErrors {

    private FrameworkErrors() {}

    static ErrorCode classify(HttpStatus status, @Nullable Throwable cause) {
        return switch (status) {
            case BAD_REQUEST -> isUnreadableBody(cause) ? ErrorCode.INVALID_JSON : ErrorCode.BAD_REQUEST;
            case UNAUTHORIZED -> ErrorCode.UNAUTHORIZED;
            case FORBIDDEN -> ErrorCode.FORBIDDEN;
            case NOT_FOUND -> ErrorCode.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ErrorCode.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> ErrorCode.NOT_ACCEPTABLE;
            // Every body this service takes is media (or carries it), so an oversized one is too large media.
            case REQUEST_ENTITY_TOO_LARGE -> ErrorCode.MEDIA_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ErrorCode.UNSUPPORTED_CONTENT_TYPE;
            case SERVICE_UNAVAILABLE -> ErrorCode.UNAVAILABLE;
            default -> status.getCode() < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }

    private static boolean isUnreadableBody(@Nullable Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonSyntaxException
                    || t instanceof SerdeException
                    || t instanceof CodecException
                    || t instanceof UnsatisfiedBodyRouteException
                    || t instanceof ConversionErrorException
                    || t.getClass().getName().startsWith("com.fasterxml.jackson.core.")) {
                return true;
            }
        }
        return false;
    }
}
