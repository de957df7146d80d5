package io.wagate.api.apikey;

import io.micronaut.core.annotation.Nullable;
import io.wagate.api.Ids;
import io.wagate.api.auth.Caller;
import io.wagate.api.auth.CallerResolver;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

@Singleton
public class ApiKeyService implements CallerResolver {

    private final ApiKeyRepository keys;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys) {
        this.keys = keys;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Optional<Caller> resolve(String presentedKey) {
        return keys.findByKeyHash(ApiKeySecret.hash(presentedKey))
                .filter(key -> !key.revoked())
                .map(key -> new Caller(key.organizationId(), key.id(), key.admin()));
    }

    /** Creates a key of the organization; the caller shows {@link IssuedApiKey#secret()} once. */
    public IssuedApiKey issue(String organizationId, @Nullable String name, boolean admin) {
        return register(organizationId, name, admin, ApiKeySecret.generate());
    }

    /** Stores a key chosen elsewhere (the operator's bootstrap key). */
    public IssuedApiKey register(String organizationId, @Nullable String name, boolean admin, ApiKeySecret secret) {
        var key = new ApiKey(Ids.apiKey(), organizationId, name, secret.hash(), secret.prefix(), admin, now(), null);
        return new IssuedApiKey(keys.save(key), secret);
    }

    /** Whether the key is stored, revoked or not. */
    public boolean isStored(ApiKeySecret secret) {
        return keys.findByKeyHash(secret.hash()).isPresent();
    }

    public boolean noneStored() {
        return keys.count() == 0;
    }

    public List<ApiKey> list(Caller caller) {
        return keys.findByOrganizationIdAndRevokedAtIsNullOrderByCreatedAtAsc(caller.organizationId());
    }

    /** Revokes a live key of the caller's organization; only an admin key may revoke an admin key. */
    public void revoke(Caller caller, String keyId) {
        ApiKey key = keys.findByIdAndOrganizationIdAndRevokedAtIsNull(keyId, caller.organizationId())
                .orElseThrow(() -> new ApiException(new ApiError.NotFound("API key not found")));
        if (key.admin() && !caller.admin()) {
            throw new ApiException(new ApiError.Forbidden("only an admin key can revoke an admin key"));
        }
        keys.updateRevokedAt(key.id(), now());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
