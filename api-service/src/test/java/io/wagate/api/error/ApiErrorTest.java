package io.wagate.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonSyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void aValidationErrorIsA400NamingItsFirstFieldAndListingAll() {
        // Given
        var error = new ApiError.ValidationError(
                List.of(new FieldError("text", "is required"), new FieldError("metadata", "too many")));

        // When
        ErrorEnvelope envelope = ErrorEnvelope.of(error);

        // Then
        assertThat(error.httpStatus().getCode()).isEqualTo(400);
        assertThat(envelope.error().code()).isEqualTo("validation_error");
        assertThat(envelope.error().message()).isEqualTo("text: is required");
        assertThat(envelope.error().details()).containsEntry("field", "text").containsEntry("errors", error.errors());
    }

    @Test
    void eachErrorHasItsStatusAndStableCode() {
        assertMapping(new ApiError.Unauthorized(), 401, "unauthorized", Map.of());
        assertMapping(new ApiError.Forbidden("no"), 403, "forbidden", Map.of());
        assertMapping(new ApiError.NotFound("no"), 404, "not_found", Map.of());
        assertMapping(new ApiError.InvalidJson("bad"), 400, "invalid_json", Map.of());
        assertMapping(new ApiError.InvalidPhoneNumber("to", "bad"), 400, "invalid_phone_number", Map.of("field", "to"));
        assertMapping(new ApiError.NotConnected("qr"), 409, "not_connected", Map.of("status", "qr"));
        assertMapping(new ApiError.QrNotAvailable("connected"), 409, "qr_not_available", Map.of("status", "connected"));
        assertMapping(new ApiError.Unavailable("later"), 503, "unavailable", Map.of());
        assertMapping(
                new ApiError.UnsupportedContentType("text/plain"),
                415,
                "unsupported_content_type",
                Map.of("content_type", "text/plain"));
        assertMapping(new ApiError.MethodNotAllowed("PUT"), 405, "method_not_allowed", Map.of());
        assertMapping(new ApiError.OtherStatus(HttpStatus.REQUEST_TIMEOUT), 408, "request_timeout", Map.of());
        assertMapping(new ApiError.Internal(), 500, "internal_error", Map.of());
    }

    @Test
    void frameworkErrorsAreClassifiedByStatusAndCause() {
        HttpRequest<?> request = HttpRequest.POST("/v1/nowhere", "{");

        assertThat(FrameworkErrors.classify(HttpStatus.NOT_FOUND, Optional.empty(), request))
                .isInstanceOf(ApiError.NotFound.class);
        assertThat(FrameworkErrors.classify(HttpStatus.METHOD_NOT_ALLOWED, Optional.empty(), request))
                .isEqualTo(new ApiError.MethodNotAllowed("POST"));
        assertThat(FrameworkErrors.classify(
                        HttpStatus.BAD_REQUEST, Optional.of(new JsonSyntaxException("unexpected end")), request))
                .isInstanceOf(ApiError.InvalidJson.class);
        assertThat(FrameworkErrors.classify(
                        HttpStatus.INTERNAL_SERVER_ERROR, Optional.of(new IllegalStateException("boom")), request))
                .isEqualTo(new ApiError.Internal());
    }

    @Test
    void anApiErrorRaisedInsideTheFrameworkKeepsItsOwnClassification() {
        var error = new ApiError.NotConnected("pending");

        assertThat(FrameworkErrors.classify(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        Optional.of(new ApiException(error)),
                        HttpRequest.GET("/v1/sessions")))
                .isEqualTo(error);
    }

    @Test
    void messagingErrorsHaveTheirStatusCodeAndDetails() {
        assertMapping(new ApiError.InvalidRecipient("to", "bad"), 400, "invalid_recipient", Map.of("field", "to"));
        assertMapping(
                new ApiError.PollInvalid("options", "must be distinct"),
                400,
                "poll_invalid",
                Map.of("field", "options"));
        assertMapping(
                new ApiError.RateLimited("session", 3),
                429,
                "rate_limited",
                Map.of("scope", "session", "retry_after_seconds", 3L));
        assertMapping(
                new ApiError.MessageFailed("msg_1", "not_on_whatsapp", "no", false),
                422,
                "not_on_whatsapp",
                Map.of("message_id", "msg_1", "status", "failed", "replayed", false));
        assertMapping(
                new ApiError.MediaRejected(413, "media_too_large", "big", Map.of("limit", 5)),
                413,
                "media_too_large",
                Map.of("limit", 5));
        assertMapping(new ApiError.Timeout("late"), 504, "timeout", Map.of());
    }

    @Test
    void aCommandFailureTakesTheStatusItsCodeMeans() {
        assertThat(new ApiError.CommandFailed("invalid_invite", "x")
                        .httpStatus()
                        .getCode())
                .isEqualTo(400);
        assertThat(new ApiError.CommandFailed("group_not_found", "x")
                        .httpStatus()
                        .getCode())
                .isEqualTo(404);
        assertThat(new ApiError.CommandFailed("not_connected", "x").httpStatus().getCode())
                .isEqualTo(409);
        assertThat(new ApiError.CommandFailed("not_admin", "x").httpStatus().getCode())
                .isEqualTo(422);
        assertThat(new ApiError.CommandFailed("not_admin", "x").code()).isEqualTo("not_admin");
    }

    private static void assertMapping(ApiError error, int status, String code, Map<String, Object> details) {
        assertThat(error.httpStatus().getCode()).as(code).isEqualTo(status);
        assertThat(error.code()).isEqualTo(code);
        assertThat(error.message()).isNotBlank();
        assertThat(error.details()).isEqualTo(details);
    }
}
