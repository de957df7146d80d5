package io.wagate.api.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.wagate.api.auth.Caller;
import io.wagate.api.error.Validation;
import java.time.Instant;
import java.util.List;

@Controller("/v1/api-keys")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApiKeyController {

    private final ApiKeyService keys;

    ApiKeyController(ApiKeyService keys) {
        this.keys = keys;
    }

    @Post
    @Status(HttpStatus.CREATED)
    public NewApiKeyJson create(Caller caller, @Body @Nullable CreateRequest body) {
        String name = Validation.optionalName("name", body == null ? null : body.name());
        return NewApiKeyJson.of(keys.issue(caller.organizationId(), name, false));
    }

    @Get
    public ListJson list(Caller caller) {
        return new ListJson(keys.list(caller).stream().map(ApiKeyJson::of).toList());
    }

    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public void revoke(Caller caller, String id) {
        keys.revoke(caller, id);
    }

    @Serdeable
    public record CreateRequest(@Nullable String name) {}

    @Serdeable
    public record ListJson(List<ApiKeyJson> data) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record ApiKeyJson(String id, @Nullable String name, String prefix, Instant createdAt) {
        static ApiKeyJson of(ApiKey key) {
            return new ApiKeyJson(key.id(), key.name(), key.prefix(), key.createdAt());
        }
    }
}
