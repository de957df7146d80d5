package io.wagate.webhook.endpoint;

import io.micronaut.transaction.annotation.Transactional;
import io.wagate.webhook.Ids;
import io.wagate.webhook.auth.Caller;
import io.wagate.webhook.delivery.JdbcDeliveryStore;
import io.wagate.webhook.error.ApiException;
import io.wagate.webhook.error.ErrorCode;
import io.wagate.webhook.signing.WebhookSecret;
import io.wagate.webhook.ssrf.UrlCheck;
import io.wagate.webhook.ssrf.UrlGuard;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** An organization's webhook endpoints: registered, listed, updated, their secret rotated, deleted. */
@Singleton
public class EndpointService {

    private final JdbcEndpointRepository endpoints;
    private final JdbcDeliveryStore deliveries;
    private final UrlGuard urlGuard;
    private final EndpointConfig config;

    EndpointService(
            JdbcEndpointRepository endpoints, JdbcDeliveryStore deliveries, UrlGuard urlGuard, EndpointConfig config) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.urlGuard = urlGuard;
        this.config = config;
    }

    EndpointEntity create(Caller caller, CreateWebhookRequest request) {
        EndpointSettings settings = EndpointRequestValidator.validate(request);
        requireReachable(settings.url());
        Instant now = now();
        return endpoints.save(new EndpointEntity(
                Ids.newId("whk"),
                caller.organizationId(),
                settings.url().toString(),
                settings.description(),
                settings.events().toArray(String[]::new),
                settings.sessionIds().toArray(String[]::new),
                WebhookSecret.generate().encoded(),
                null,
                null,
                settings.enabled(),
                null,
                null,
                settings.rateLimit(),
                settings.ordering().wireName(),
                now,
                now,
                null));
    }

    List<EndpointEntity> list(Caller caller) {
        return endpoints.findByOrganizationIdAndDeletedAtIsNullOrderById(caller.organizationId());
    }

    public EndpointEntity get(Caller caller, String id) {
        return endpoints
                .findByIdAndOrganizationIdAndDeletedAtIsNull(id, caller.organizationId())
                .orElseThrow(() -> ApiException.notFound("webhook " + id));
    }

    /** A JSON merge patch; a changed URL goes through the URL guard again. Enabling clears the failure run. */
    @Transactional
    EndpointEntity update(Caller caller, String id, Map<String, Object> patch) {
        EndpointEntity current = lockedLive(caller, id);
        EndpointSettings settings = EndpointRequestValidator.patch(current.settings(), patch);
        if (!settings.url().toString().equals(current.url())) {
            requireReachable(settings.url());
        }
        return endpoints.update(current.with(settings, now()));
    }

    /** A new secret; the old one keeps signing too for {@code secret-rotation-overlap}. */
    @Transactional
    EndpointEntity rotateSecret(Caller caller, String id) {
        EndpointEntity current = lockedLive(caller, id);
        Instant now = now();
        return endpoints.update(current.withNewSecret(
                WebhookSecret.generate().encoded(), now.plus(config.secretRotationOverlap()), now));
    }

    /** Deletes the endpoint and cancels what it still had to receive, atomically. */
    @Transactional
    void delete(Caller caller, String id) {
        if (endpoints.softDelete(id, caller.organizationId()) == 0) {
            throw ApiException.notFound("webhook " + id);
        }
        deliveries.cancelPending(id);
    }

    private EndpointEntity lockedLive(Caller caller, String id) {
        return endpoints
                .findLiveForUpdate(id, caller.organizationId())
                .orElseThrow(() -> ApiException.notFound("webhook " + id));
    }

    private void requireReachable(URI url) {
        switch (urlGuard.check(url)) {
            case UrlCheck.Allowed allowed -> {}
            case UrlCheck.Refused refused ->
                throw new ApiException(ErrorCode.URL_NOT_ALLOWED, "url: " + refused.reason(), Map.of("field", "url"));
            case UrlCheck.Unresolvable unresolvable -> throw ApiException.invalidField("url", unresolvable.reason());
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
