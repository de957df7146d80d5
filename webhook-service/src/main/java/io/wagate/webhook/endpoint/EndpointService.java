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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** An organization's webhook endpoints: registered, listed, deleted. */
@Singleton
public class EndpointService {

    private final JdbcEndpointRepository endpoints;
    private final JdbcDeliveryStore deliveries;
    private final UrlGuard urlGuard;

    EndpointService(JdbcEndpointRepository endpoints, JdbcDeliveryStore deliveries, UrlGuard urlGuard) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.urlGuard = urlGuard;
    }

    EndpointEntity create(Caller caller, CreateWebhookRequest request) {
        EndpointRequestValidator.ValidRequest valid = EndpointRequestValidator.validate(request);
        switch (urlGuard.check(valid.url())) {
            case UrlCheck.Allowed allowed -> {}
            case UrlCheck.Refused refused ->
                throw new ApiException(ErrorCode.URL_NOT_ALLOWED, "url: " + refused.reason(), Map.of("field", "url"));
            case UrlCheck.Unresolvable unresolvable -> throw ApiException.invalidField("url", unresolvable.reason());
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return endpoints.save(new EndpointEntity(
                Ids.newId("whk"),
                caller.organizationId(),
                valid.url().toString(),
                valid.description(),
                valid.events().toArray(String[]::new),
                WebhookSecret.generate().encoded(),
                true,
                now,
                now,
                null));
    }

    List<EndpointEntity> list(Caller caller) {
        return endpoints.findByOrganizationIdAndDeletedAtIsNullOrderById(caller.organizationId());
    }

    EndpointEntity get(Caller caller, String id) {
        return endpoints
                .findByIdAndOrganizationIdAndDeletedAtIsNull(id, caller.organizationId())
                .orElseThrow(() -> ApiException.notFound("webhook " + id));
    }

    /** Deletes the endpoint and cancels what it still had to receive, atomically. */
    @Transactional
    void delete(Caller caller, String id) {
        if (endpoints.softDelete(id, caller.organizationId()) == 0) {
            throw ApiException.notFound("webhook " + id);
        }
        deliveries.cancelPending(id);
    }
}
