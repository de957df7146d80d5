package io.wagate.api.organization;

import io.wagate.api.Ids;
import io.wagate.api.apikey.ApiKeyService;
import io.wagate.api.apikey.IssuedApiKey;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Singleton
public class OrganizationService {

    static final String DEFAULT_NAME = "default";
    private static final String FIRST_KEY_NAME = "default";

    private final OrganizationRepository organizations;
    private final ApiKeyService keys;

    OrganizationService(OrganizationRepository organizations, ApiKeyService keys) {
        this.organizations = organizations;
        this.keys = keys;
    }

    /** Creates an organization with its first (non-admin) key, both or neither. */
    @Transactional
    public NewOrganization create(String name) {
        Organization organization = organizations.save(newOrganization(name));
        IssuedApiKey key = keys.issue(organization.id(), FIRST_KEY_NAME, false);
        return new NewOrganization(organization, key);
    }

    /** The organization the bootstrap admin key belongs to, created on first need. */
    @Transactional
    public Organization defaultOrganization() {
        return organizations.findByNameOrderByCreatedAtAsc(DEFAULT_NAME).stream()
                .findFirst()
                .orElseGet(() -> organizations.save(newOrganization(DEFAULT_NAME)));
    }

    private static Organization newOrganization(String name) {
        return new Organization(Ids.organization(), name, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    public record NewOrganization(Organization organization, IssuedApiKey firstKey) {}
}
