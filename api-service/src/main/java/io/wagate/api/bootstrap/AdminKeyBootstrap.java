package io.wagate.api.bootstrap;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.wagate.api.apikey.ApiKeySecret;
import io.wagate.api.apikey.ApiKeyService;
import io.wagate.api.organization.OrganizationService;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Makes sure an admin key exists, so a fresh install can be used at all. */
@Singleton
public class AdminKeyBootstrap {

    private static final String ADMIN_KEY_NAME = "bootstrap admin";
    // Serializes bootstraps of replicas starting together on one empty database.
    private static final long LOCK_ID = 0x77616761746531L;

    private final ApiKeyService keys;
    private final OrganizationService organizations;
    private final JdbcOperations jdbc;

    AdminKeyBootstrap(ApiKeyService keys, OrganizationService organizations, JdbcOperations jdbc) {
        this.keys = keys;
        this.organizations = organizations;
        this.jdbc = jdbc;
    }

    /**
     * Stores the configured key as an admin key of organization "default" unless it is stored
     * already (revoked keys stay revoked). Without one, generates a key if no key exists at all.
     *
     * @return the generated key, which the caller shows once; empty when none was generated
     */
    @Transactional
    public Optional<ApiKeySecret> ensureAdminKey(Optional<String> configuredKey) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?)", statement -> {
            statement.setLong(1, LOCK_ID);
            return statement.execute();
        });
        if (configuredKey.isPresent()) {
            var secret = new ApiKeySecret(configuredKey.get());
            if (!keys.isStored(secret)) {
                keys.register(organizations.defaultOrganization().id(), ADMIN_KEY_NAME, true, secret);
            }
            return Optional.empty();
        }
        if (!keys.noneStored()) {
            return Optional.empty();
        }
        var generated = ApiKeySecret.generate();
        keys.register(organizations.defaultOrganization().id(), ADMIN_KEY_NAME, true, generated);
        return Optional.of(generated);
    }
}
