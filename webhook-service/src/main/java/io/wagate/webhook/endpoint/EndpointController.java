package io.wagate.webhook.endpoint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.wagate.webhook.auth.Caller;
import io.wagate.webhook.error.ApiException;
import io.wagate.webhook.error.ErrorCode;
import java.util.Map;

@Controller("/v1/webhooks")
@ExecuteOn(TaskExecutors.BLOCKING)
final class EndpointController {

    private final EndpointService endpoints;

    EndpointController(EndpointService endpoints) {
        this.endpoints = endpoints;
    }

    @Post
    @Status(HttpStatus.CREATED)
    WebhookViews.Created create(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller, @Body @Nullable CreateWebhookRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_JSON, "a JSON object body is required");
        }
        return WebhookViews.Created.of(endpoints.create(caller, request));
    }

    @Get
    WebhookViews.WebhookList list(@RequestAttribute(Caller.ATTRIBUTE) Caller caller) {
        return new WebhookViews.WebhookList(
                endpoints.list(caller).stream().map(WebhookViews.Webhook::of).toList());
    }

    @Get("/{id}")
    WebhookViews.Webhook get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id) {
        return WebhookViews.Webhook.of(endpoints.get(caller, id));
    }

    @Patch("/{id}")
    WebhookViews.Webhook update(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id, @Body @Nullable Map<String, Object> patch) {
        if (patch == null) {
            throw new ApiException(ErrorCode.INVALID_JSON, "a JSON object body is required");
        }
        return WebhookViews.Webhook.of(endpoints.update(caller, id, patch));
    }

    @Post("/{id}/secret/rotate")
    WebhookViews.RotatedSecret rotateSecret(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id) {
        return WebhookViews.RotatedSecret.of(endpoints.rotateSecret(caller, id));
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id) {
        endpoints.delete(caller, id);
    }
}
