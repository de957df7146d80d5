package io.wagate.webhook.endpoint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** {@code POST /v1/webhooks}; every field is checked by {@link EndpointRequestValidator}, not the parser. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record CreateWebhookRequest(
        @Nullable String url,
        @Nullable List<String> events,
        @Nullable String description,
        @Nullable List<String> sessionIds,
        @Nullable Boolean enabled,
        @Nullable Integer rateLimit,
        @Nullable String ordering) {

    public CreateWebhookRequest(@Nullable String url, @Nullable List<String> events, @Nullable String description) {
        this(url, events, description, null, null, null, null);
    }
}
