package io.wagate.api.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;

/**
 * Lets other wagate services check an API key without reading our tables. Internal: never routed
 * from the public base URL, so it needs no bearer token of its own.
 */
@Controller("/internal/v1/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
public class IntrospectionController {

    private final ApiKeyService keys;

    IntrospectionController(ApiKeyService keys) {
        this.keys = keys;
    }

    @Post("/introspect")
    public IntrospectionJson introspect(@Body @Nullable IntrospectRequest body) {
        if (body == null || body.key() == null || body.key().isBlank()) {
            throw new ApiException(new ApiError.Unauthorized());
        }
        return keys.resolve(body.key())
                .map(caller -> new IntrospectionJson(caller.organizationId(), caller.keyId(), caller.admin()))
                .orElseThrow(() -> new ApiException(new ApiError.Unauthorized()));
    }

    @Serdeable
    public record IntrospectRequest(@Nullable String key) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record IntrospectionJson(String organizationId, String keyId, boolean admin) {}
}
