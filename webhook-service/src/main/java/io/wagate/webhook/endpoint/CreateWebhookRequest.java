package io.wagate.webhook.endpoint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** {@code POST /v1/webhooks}; every field is checked by {@link EndpointRequestValidator}, not the parser. */
@Serdeable
public record CreateWebhookRequest(
        @Nullable String url,
        @Nullable List<String> events,
        @Nullable String description) {}
