package io.wagate.webhook.endpoint;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.List;

/** Everything about an endpoint its owner chooses, validated. */
record EndpointSettings(
        URI url,
        List<String> events,
        List<String> sessionIds,
        @Nullable String description,
        boolean enabled,
        @Nullable Integer rateLimit,
        EndpointOrdering ordering) {}
