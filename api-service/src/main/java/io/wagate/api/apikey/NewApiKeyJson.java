package io.wagate.api.apikey;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;

/** A key as answered right after its creation: the only time {@code key} is shown. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record NewApiKeyJson(String id, @Nullable String name, String key, String prefix, Instant createdAt) {

    public static NewApiKeyJson of(IssuedApiKey issued) {
        ApiKey stored = issued.stored();
        return new NewApiKeyJson(
                stored.id(), stored.name(), issued.secret().key(), stored.prefix(), stored.createdAt());
    }
}
