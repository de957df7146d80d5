package io.wagate.media.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import io.wagate.media.signing.SignedUrlVerifier;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every {@code /v1/**} call needs {@code Authorization: Bearer <key>}; the caller goes in a request
 * attribute. The one exception is a download through a signed link, which carries its own proof and
 * is checked by {@link SignedUrlVerifier} instead.
 */
@ServerFilter("/v1/**")
final class ApiKeyFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFilter.class);
    private static final String BEARER = "bearer ";

    private final ApiKeyVerifier verifier;

    ApiKeyFilter(ApiKeyVerifier verifier) {
        this.verifier = verifier;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    void authenticate(HttpRequest<?> request) {
        if (SignedUrlVerifier.isSignedDownload(request)) {
            return;
        }
        String apiKey = bearerKey(request)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, ErrorCode.UNAUTHORIZED.defaultMessage()));
        Caller caller;
        try {
            caller = verifier.verify(apiKey)
                    .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "unknown or revoked API key"));
        } catch (ApiKeyVerifier.VerifierUnavailableException e) {
            LOG.warn("API key verification unavailable: {}", e.getMessage());
            throw new ApiException(ErrorCode.UNAVAILABLE, "cannot verify API keys right now; retry later");
        }
        request.setAttribute(Caller.ATTRIBUTE, caller);
    }

    static Optional<String> bearerKey(HttpRequest<?> request) {
        return request.getHeaders()
                .findFirst(HttpHeaders.AUTHORIZATION)
                .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(value -> value.substring(BEARER.length()).trim())
                .filter(key -> !key.isEmpty());
    }
}
