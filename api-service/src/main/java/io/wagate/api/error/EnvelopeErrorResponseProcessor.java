package io.wagate.api.error;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts every error the framework answers by itself (404, 405, 415, bad JSON, 500...) in our envelope. */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class EnvelopeErrorResponseProcessor implements ErrorResponseProcessor<ErrorEnvelope> {

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<ErrorEnvelope> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        ApiError error = FrameworkErrors.classify(response.getStatus(), context.getRootCause(), context.getRequest());
        if (error.httpStatus().getCode() >= HttpStatus.INTERNAL_SERVER_ERROR.getCode()) {
            LOG.error(
                    "{} {} failed",
                    context.getRequest().getMethodName(),
                    context.getRequest().getPath(),
                    context.getRootCause().orElse(null));
        }
        return response.status(error.httpStatus())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorEnvelope.of(error));
    }
}
