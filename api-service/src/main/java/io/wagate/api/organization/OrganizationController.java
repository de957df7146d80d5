package io.wagate.api.organization;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.wagate.api.apikey.NewApiKeyJson;
import io.wagate.api.auth.Caller;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.error.Validation;
import java.time.Instant;

@Controller("/v1/organizations")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Post
    @Status(HttpStatus.CREATED)
    public OrganizationJson create(Caller caller, @Body @Nullable CreateRequest body) {
        if (!caller.admin()) {
            throw new ApiException(new ApiError.Forbidden("creating organizations needs an admin key"));
        }
        String name = Validation.requiredName("name", body == null ? null : body.name());
        var created = organizations.create(name);
        Organization organization = created.organization();
        return new OrganizationJson(
                organization.id(), organization.name(), organization.createdAt(), NewApiKeyJson.of(created.firstKey()));
    }

    @Serdeable
    public record CreateRequest(@Nullable String name) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record OrganizationJson(String id, String name, Instant createdAt, NewApiKeyJson apiKey) {}
}
