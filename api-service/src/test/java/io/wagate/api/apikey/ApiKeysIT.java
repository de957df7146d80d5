package io.wagate.api.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiTestBase;
import java.util.Map;
import org.junit.jupiter.api.Test;

@MicronautTest(transactional = false)
class ApiKeysIT extends ApiTestBase {

    @Test
    void anAdminCreatesAnOrganizationWhoseFirstKeyWorksRightAway() {
        // When
        var created = api.post("/v1/organizations", ADMIN_KEY, Map.of("name", "Acme"));

        // Then
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("/id")).startsWith("org_");
        assertThat(created.text("/name")).isEqualTo("Acme");
        assertThat(created.text("/created_at")).isNotBlank();
        String key = created.text("/api_key/key");
        assertThat(key).matches("wag_[A-Za-z0-9_-]{43}");
        assertThat(created.text("/api_key/id")).startsWith("key_");
        assertThat(created.text("/api_key/prefix")).isEqualTo(key.substring(0, 12));
        assertThat(api.get("/v1/sessions", key).status()).isEqualTo(200);
    }

    @Test
    void aKeyThatIsNotAdminCannotCreateOrganizations() {
        // Given
        String memberKey = newOrganizationKey("Member Org");

        // When
        var reply = api.post("/v1/organizations", memberKey, Map.of("name", "Sneaky"));

        // Then
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.errorCode()).isEqualTo("forbidden");
    }

    @Test
    void anOrganizationNeedsAName() {
        // When
        var reply = api.post("/v1/organizations", ADMIN_KEY, Map.of("name", " "));

        // Then
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.errorCode()).isEqualTo("validation_error");
        assertThat(reply.text("/error/details/field")).isEqualTo("name");
    }

    @Test
    void requestsWithoutAKeyOrWithAnUnknownKeyAreUnauthorized() {
        for (String key : new String[] {null, "wag_unknown", ""}) {
            // When
            var reply = api.get("/v1/sessions", key);

            // Then
            assertThat(reply.status()).as("key %s", key).isEqualTo(401);
            assertThat(reply.errorCode()).isEqualTo("unauthorized");
            assertThat(reply.body().at("/error/details").isObject()).isTrue();
            assertThat(reply.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        }
    }

    @Test
    void aNewKeyIsShownOnceListedWithoutItsSecretAndStopsWorkingWhenRevoked() {
        // Given
        String ownerKey = newOrganizationKey("Keys Org");

        // When
        var created = api.post("/v1/api-keys", ownerKey, Map.of("name", "ci"));

        // Then
        assertThat(created.status()).isEqualTo(201);
        String keyId = created.text("/id");
        String key = created.text("/key");
        assertThat(created.text("/name")).isEqualTo("ci");
        assertThat(api.get("/v1/sessions", key).status()).isEqualTo(200);
        var listed = api.get("/v1/api-keys", ownerKey);
        assertThat(listed.body().at("/data").findValuesAsText("id")).contains(keyId);
        assertThat(listed.body().toString()).doesNotContain(key);

        // When
        var revoked = api.delete("/v1/api-keys/" + keyId, ownerKey);

        // Then
        assertThat(revoked.status()).isEqualTo(204);
        assertThat(api.get("/v1/sessions", key).status()).isEqualTo(401);
        assertThat(api.get("/v1/api-keys", ownerKey).body().at("/data").findValuesAsText("id"))
                .doesNotContain(keyId);
        assertThat(api.delete("/v1/api-keys/" + keyId, ownerKey).status()).isEqualTo(404);
    }

    @Test
    void aKeyOfAnotherOrganizationCannotBeSeenOrRevoked() {
        // Given
        String orgAKey = newOrganizationKey("Org A");
        String orgBKey = newOrganizationKey("Org B");
        String orgAKeyId = api.post("/v1/api-keys", orgAKey, Map.of()).text("/id");

        // When
        var revoke = api.delete("/v1/api-keys/" + orgAKeyId, orgBKey);

        // Then
        assertThat(revoke.status()).isEqualTo(404);
        assertThat(revoke.errorCode()).isEqualTo("not_found");
        assertThat(api.get("/v1/api-keys", orgBKey).body().at("/data").findValuesAsText("id"))
                .doesNotContain(orgAKeyId);
    }

    @Test
    void introspectionTellsWhoseALiveKeyIsAndRefusesAnyOther() {
        // Given
        String key = newOrganizationKey("Introspected");

        // When
        var known = api.post("/internal/v1/api-keys/introspect", null, Map.of("key", key));
        var admin = api.post("/internal/v1/api-keys/introspect", null, Map.of("key", ADMIN_KEY));
        var unknown = api.post("/internal/v1/api-keys/introspect", null, Map.of("key", "wag_nope"));
        var empty = api.post("/internal/v1/api-keys/introspect", null, Map.of());

        // Then
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.text("/organization_id")).startsWith("org_");
        assertThat(known.text("/key_id")).startsWith("key_");
        assertThat(known.body().at("/admin").asBoolean()).isFalse();
        assertThat(admin.body().at("/admin").asBoolean()).isTrue();
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.errorCode()).isEqualTo("unauthorized");
        assertThat(empty.status()).isEqualTo(401);
    }
}
