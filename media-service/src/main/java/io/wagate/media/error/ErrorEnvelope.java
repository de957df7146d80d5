package io.wagate.media.error;

import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/** {@code {"error":{"code","message","details"}}}, the body of every error this service answers. */
@Serdeable
public record ErrorEnvelope(Body error) {

    @Serdeable
    public record Body(String code, String message, Map<String, Object> details) {}

    public static ErrorEnvelope of(ErrorCode code, String message, Map<String, Object> details) {
        return new ErrorEnvelope(new Body(code.code(), message, details));
    }
}
