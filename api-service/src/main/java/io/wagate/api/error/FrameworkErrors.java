package io.wagate.api.error;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.serialize.exceptions.SerializationException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedBodyRouteException;
import java.io.IOException;
import java.util.Optional;

/** Classifies an error the framework raised (no route, bad JSON, wrong content type...) as an {@link ApiError}. */
final class FrameworkErrors {

    private FrameworkErrors() {}

    static ApiError classify(HttpStatus status, Optional<Throwable> cause, HttpRequest<?> request) {
        if (cause.isPresent() && cause.get() instanceof ApiException api) {
            return api.error();
        }
        return switch (status) {
            case BAD_REQUEST -> badRequest(cause.orElse(null));
            case UNAUTHORIZED -> new ApiError.Unauthorized();
            case FORBIDDEN -> new ApiError.Forbidden("not allowed");
            case NOT_FOUND -> new ApiError.NotFound("no such resource: " + request.getPath());
            case METHOD_NOT_ALLOWED -> new ApiError.MethodNotAllowed(request.getMethodName());
            case NOT_ACCEPTABLE -> new ApiError.NotAcceptable();
            case UNSUPPORTED_MEDIA_TYPE ->
                new ApiError.UnsupportedContentType(
                        request.getContentType().map(Object::toString).orElse("(none)"));
            case REQUEST_ENTITY_TOO_LARGE -> new ApiError.PayloadTooLarge();
            case SERVICE_UNAVAILABLE -> new ApiError.Unavailable("temporarily unavailable, retry");
            default -> status.getCode() >= 500 ? new ApiError.Internal() : new ApiError.OtherStatus(status);
        };
    }

    private static ApiError badRequest(Throwable cause) {
        if (cause instanceof UnsatisfiedBodyRouteException) {
            return new ApiError.InvalidJson("a JSON request body is required");
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonSyntaxException
                    || t instanceof CodecException
                    || t instanceof SerializationException
                    || t instanceof ConversionErrorException
                    || t instanceof IOException) {
                return new ApiError.InvalidJson("request body is not valid JSON for this resource");
            }
        }
        return new ApiError.BadRequest(cause == null ? "bad request" : "bad request: " + cause.getMessage());
    }
}
