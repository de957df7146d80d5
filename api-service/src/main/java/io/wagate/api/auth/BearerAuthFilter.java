package io.wagate.api.auth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ErrorEnvelope;
import java.util.Optional;

/** Every {@code /v1} request needs {@code Authorization: Bearer <key>} of a live key, but the API's description. */
@ServerFilter("/v1/**")
public class BearerAuthFilter {

    private static final String SCHEME = "Bearer ";
    static final String OPENAPI_PATH = "/v1/openapi.yaml";

    private final CallerResolver callers;

    BearerAuthFilter(CallerResolver callers) {
        this.callers = callers;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Nullable
    public HttpResponse<?> authenticate(HttpRequest<?> request) {
        if (request.getPath().equals(OPENAPI_PATH)) {
            return null;
        }
        Optional<Caller> caller = bearerToken(request).flatMap(callers::resolve);
        if (caller.isEmpty()) {
            return ErrorEnvelope.response(new ApiError.Unauthorized()).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        return null;
    }

    static Optional<String> bearerToken(HttpRequest<?> request) {
        return request.getHeaders()
                .getAuthorization()
                .filter(value -> value.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
                .map(value -> value.substring(SCHEME.length()).strip())
                .filter(token -> !token.isEmpty());
    }
}
