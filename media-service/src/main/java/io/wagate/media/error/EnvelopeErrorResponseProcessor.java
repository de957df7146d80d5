package io.wagate.media.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Renders the framework's own errors (unknown route, wrong method or content type, unreadable or
 * oversized body, unexpected exceptions) as the same envelope our {@link ApiException}s use.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
final class EnvelopeErrorResponseProcessor implements ErrorResponseProcessor<ErrorEnvelope> {

    @Override
    public MutableHttpResponse<ErrorEnvelope> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        ErrorCode code = FrameworkErrors.classify(
                response.getStatus(), context.getRootCause().orElse(null));
        String message = code.defaultMessage();
        // Only a client's own mistakes are described further; a server error's text stays in the logs.
        if (code.status().getCode() < 500 && code != ErrorCode.NOT_FOUND) {
            message = context.getErrors().stream()
                    .map(Error::getMessage)
                    .findFirst()
                    .map(detail -> code.defaultMessage() + ": " + detail)
                    .orElse(message);
        }
        return response.status(code.status())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorEnvelope.of(code, message, Map.of()));
    }
}
