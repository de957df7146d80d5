package io.wagate.api.error;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** {@code {"error":{"code","message","details"}}}, the body of every error the API answers. */
@Serdeable
public record ErrorEnvelope(Body error) {

    @Serdeable
    public record Body(String code, String message, Map<String, Object> details) {}

    public static ErrorEnvelope of(ApiError error) {
        return new ErrorEnvelope(new Body(error.code(), error.message(), error.details()));
    }

    public static MutableHttpResponse<ErrorEnvelope> response(ApiError error) {
        return HttpResponse.<ErrorEnvelope>status(error.httpStatus())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(of(error));
    }
}
