package io.wagate.webhook.attempt;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.wagate.webhook.auth.Caller;
import io.wagate.webhook.endpoint.EndpointService;
import io.wagate.webhook.error.ApiException;

/** The attempt log, per webhook and per event: {@code ?limit=} (1-100, 20) and {@code ?starting_after=<attempt id>}. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class AttemptController {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    private final JdbcAttemptLog log;
    private final EndpointService endpoints;

    AttemptController(JdbcAttemptLog log, EndpointService endpoints) {
        this.log = log;
        this.endpoints = endpoints;
    }

    @Get("/v1/webhooks/{id}/attempts")
    AttemptView.Page ofWebhook(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            String id,
            @QueryValue @Nullable Integer limit,
            @QueryValue("starting_after") @Nullable String startingAfter) {
        endpoints.get(caller, id); // 404 unless it is the caller's
        return log.ofEndpoint(id, startingAfter, limit(limit));
    }

    @Get("/v1/events/{eventId}/attempts")
    AttemptView.Page ofEvent(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            String eventId,
            @QueryValue @Nullable Integer limit,
            @QueryValue("starting_after") @Nullable String startingAfter) {
        if (!log.eventBelongsTo(eventId, caller.organizationId())) {
            throw ApiException.notFound("event " + eventId);
        }
        return log.ofEvent(eventId, startingAfter, limit(limit));
    }

    private static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
