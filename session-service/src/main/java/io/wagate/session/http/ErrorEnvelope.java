package io.wagate.session.http;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** {@code {"error":{"code","message","details"}}}, the body of every error. */
@Serdeable
record ErrorEnvelope(Body error) {

    @Serdeable
    record Body(String code, String message, Map<String, Object> details) {}

    static ErrorEnvelope of(HttpError error, Map<String, Object> details) {
        return new ErrorEnvelope(new Body(error.code(), error.message(), details));
    }
}
