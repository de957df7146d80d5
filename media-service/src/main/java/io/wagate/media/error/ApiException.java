package io.wagate.media.error;

import java.util.Map;

/** An error a client caused or must know about; answered as the error envelope of its code. */
public final class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public static ApiException invalidField(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, field + ": " + message, Map.of("field", field));
    }

    public static ApiException mediaNotFound(String id) {
        return new ApiException(ErrorCode.MEDIA_NOT_FOUND, "media " + id + " not found", Map.of("media_id", id));
    }

    public static ApiException tooLarge(String what, long limit) {
        return new ApiException(
                ErrorCode.MEDIA_TOO_LARGE,
                what + " is larger than the limit of " + limit + " bytes",
                Map.of("limit_bytes", limit));
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
