package io.wagate.session.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.serialize.exceptions.SerializationException;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.codec.CodecException;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts every error the framework answers (404, 405, 415, bad JSON, 500...) in the wagate envelope. */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class EnvelopeErrorResponseProcessor implements ErrorResponseProcessor<ErrorEnvelope> {

    private static final Logger LOG = LoggerFactory.getLogger(EnvelopeErrorResponseProcessor.class);

    @Override
    public MutableHttpResponse<ErrorEnvelope> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        Throwable cause = context.getRootCause().orElse(null);
        HttpError error = HttpError.of(response.getStatus(), unreadableBody(cause));
        if (error == HttpError.INTERNAL) {
            LOG.error(
                    "{} {} failed",
                    context.getRequest().getMethodName(),
                    context.getRequest().getPath(),
                    cause);
        }
        return response.status(error.status())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorEnvelope.of(
                        error, Map.of("path", context.getRequest().getPath())));
    }

    private static boolean unreadableBody(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof JsonSyntaxException
                    || t instanceof CodecException
                    || t instanceof SerializationException) {
                return true;
            }
        }
        return false;
    }
}
