package io.wagate.api.error;

/** Ends a request with the given error; {@link ApiExceptionHandler} renders it. */
public final class ApiException extends RuntimeException {

    private final transient ApiError error;

    public ApiException(ApiError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    public ApiException(ApiError error, Throwable cause) {
        super(error.code() + ": " + error.message(), cause, false, false);
        this.error = error;
    }

    public ApiError error() {
        return error;
    }
}
