package io.wagate.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    private static final List<String> SERVICES =
            List.of("api-service", "session-service", "webhook-service", "media-service");

    @Test
    void theDatabasePasswordReachesEveryServiceThroughASecret() {
        // When
        var manifests = Chart.render("postgres: {username: gateway, password: pg-pass}");

        // Then
        var secret = manifests.get("Secret", "wagate-postgres");
        assertThat(decoded(secret, "username")).isEqualTo("gateway");
        assertThat(decoded(secret, "password")).isEqualTo("pg-pass");
        for (String service : SERVICES) {
            var env = manifests.workload(service).env();
            assertThat(env.get("DATASOURCES_DEFAULT_PASSWORD").map("valueFrom.secretKeyRef"))
                    .isEqualTo(Map.of("name", "wagate-postgres", "key", "password"));
            assertThat(env.get("DATASOURCES_DEFAULT_PASSWORD").at("value")).isNull();
        }
    }

    @Test
    void anExistingPostgresSecretReplacesTheChartsOwn() {
        // Given
        String values = """
                postgres:
                  existingSecret: db-credentials
                  usernameKey: user
                  passwordKey: pass
                """;

        // When
        var manifests = Chart.render(values);

        // Then
        assertThat(manifests.find("Secret", "wagate-postgres")).isEmpty();
        for (String service : SERVICES) {
            var env = manifests.workload(service).env();
            assertThat(env.get("DATASOURCES_DEFAULT_USERNAME").map("valueFrom.secretKeyRef"))
                    .isEqualTo(Map.of("name", "db-credentials", "key", "user"));
            assertThat(env.get("DATASOURCES_DEFAULT_PASSWORD").map("valueFrom.secretKeyRef"))
                    .isEqualTo(Map.of("name", "db-credentials", "key", "pass"));
        }
    }

    @Test
    void kafkaSaslIsOffUnlessAskedFor() {
        // When
        var manifests = Chart.render();

        // Then
        assertThat(manifests.find("Secret", "wagate-kafka")).isEmpty();
        assertThat(manifests.workload("api-service").env())
                .doesNotContainKeys("KAFKA_SASL_JAAS_CONFIG", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM");
    }

    @Test
    void kafkaSaslCredentialsComeFromTheChartsSecretOrAnExistingOne() {
        // Given
        String ownSecret = """
                kafka:
                  securityProtocol: SASL_SSL
                  sasl: {enabled: true, mechanism: SCRAM-SHA-256, username: wagate, password: k-pass}
                """;
        String existingSecret = """
                kafka:
                  securityProtocol: SASL_PLAINTEXT
                  sasl: {enabled: true, mechanism: PLAIN, existingSecret: msk-credentials}
                """;

        // When
        var own = Chart.render(ownSecret);
        var existing = Chart.render(existingSecret);

        // Then
        assertThat(decoded(own.get("Secret", "wagate-kafka"), "password")).isEqualTo("k-pass");
        for (String service : SERVICES) {
            var env = own.workload(service).env();
            assertThat(env.get("KAFKA_SECURITY_PROTOCOL").string("value")).isEqualTo("SASL_SSL");
            assertThat(env.get("KAFKA_SASL_MECHANISM").string("value")).isEqualTo("SCRAM-SHA-256");
            assertThat(env.get("WAGATE_KAFKA_SASL_PASSWORD").map("valueFrom.secretKeyRef"))
                    .isEqualTo(Map.of("name", "wagate-kafka", "key", "password"));
            assertThat(env.get("KAFKA_SASL_JAAS_CONFIG").string("value"))
                    .isEqualTo(
                            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                                    + " username=\"$(WAGATE_KAFKA_SASL_USERNAME)\" password=\"$(WAGATE_KAFKA_SASL_PASSWORD)\";");
            // Kubernetes expands $(VAR) only from variables declared before it
            assertThat(List.copyOf(env.keySet()))
                    .containsSubsequence(
                            "WAGATE_KAFKA_SASL_USERNAME", "WAGATE_KAFKA_SASL_PASSWORD", "KAFKA_SASL_JAAS_CONFIG");
        }
        assertThat(existing.find("Secret", "wagate-kafka")).isEmpty();
        var env = existing.workload("session-service").env();
        assertThat(env.get("WAGATE_KAFKA_SASL_USERNAME").map("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "msk-credentials", "key", "username"));
        assertThat(env.get("KAFKA_SASL_JAAS_CONFIG").string("value"))
                .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required");
    }

    @Test
    void aRedisPasswordGoesIntoTheUriFromASecret() {
        // When
        var own = Chart.render("redis: {password: r-pass}");
        var existing = Chart.render("redis: {existingSecret: cache-auth, passwordKey: redis-password}");
        var none = Chart.render();

        // Then
        assertThat(decoded(own.get("Secret", "wagate-redis"), "password")).isEqualTo("r-pass");
        var env = own.workload("api-service").env();
        assertThat(env.get("REDIS_URI").string("value")).isEqualTo("redis://:$(WAGATE_REDIS_PASSWORD)@redis:6379/0");
        assertThat(List.copyOf(env.keySet())).containsSubsequence("WAGATE_REDIS_PASSWORD", "REDIS_URI");

        assertThat(existing.find("Secret", "wagate-redis")).isEmpty();
        assertThat(existing.workload("api-service")
                        .env()
                        .get("WAGATE_REDIS_PASSWORD")
                        .map("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "cache-auth", "key", "redis-password"));

        assertThat(none.find("Secret", "wagate-redis")).isEmpty();
        assertThat(none.workload("api-service").env().get("REDIS_URI").string("value"))
                .isEqualTo("redis://redis:6379/0");
    }

    @Test
    void s3CredentialsReachMediaServiceFromTheChartsSecretOrAnExistingOne() {
        // When
        var none = Chart.render();
        var own = Chart.render("s3: {accessKeyId: AKIA, secretAccessKey: s3-secret}");
        var existing = Chart.render("s3: {existingSecret: bucket-credentials, accessKeyIdKey: id}");

        // Then
        assertThat(none.find("Secret", "wagate-s3")).isEmpty();
        assertThat(none.workload("media-service").env()).doesNotContainKey("WAGATE_S3_ACCESS_KEY_ID");

        assertThat(decoded(own.get("Secret", "wagate-s3"), "access-key-id")).isEqualTo("AKIA");
        assertThat(decoded(own.get("Secret", "wagate-s3"), "secret-access-key")).isEqualTo("s3-secret");
        var env = own.workload("media-service").env();
        assertThat(env.get("WAGATE_S3_ACCESS_KEY_ID").map("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "wagate-s3", "key", "access-key-id"));
        assertThat(env.get("WAGATE_S3_SECRET_ACCESS_KEY").map("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "wagate-s3", "key", "secret-access-key"));
        assertThat(env.get("WAGATE_S3_SECRET_ACCESS_KEY").at("value")).isNull();
        assertThat(own.workload("api-service").env()).doesNotContainKey("WAGATE_S3_ACCESS_KEY_ID");

        assertThat(existing.find("Secret", "wagate-s3")).isEmpty();
        assertThat(existing.workload("media-service")
                        .env()
                        .get("WAGATE_S3_ACCESS_KEY_ID")
                        .map("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "bucket-credentials", "key", "id"));
    }

    @Test
    void halfAnS3KeyPairIsRejected() {
        assertThatThrownBy(() -> Chart.render("s3: {accessKeyId: AKIA}")).hasMessageContaining("s3.secretAccessKey");
    }

    @Test
    void theMediaLinkKeyIsSharedBySignerAndCheckerOnly() {
        // When no key is given, the chart generates one in a pre-install hook (which helm template
        // does not render, like the generated auth-state key)
        var generated = Chart.render();

        // Then
        assertThat(generated.find("Secret", "wagate-media-links")).isEmpty();
        for (String service : List.of("media-service", "webhook-service")) {
            assertThat(generated
                            .workload(service)
                            .env()
                            .get("WAGATE_MEDIA_URL_SIGNING_KEY")
                            .map("valueFrom.secretKeyRef"))
                    .isEqualTo(Map.of("name", "wagate-media-links", "key", "url-signing-key"));
        }
        assertThat(generated.workload("api-service").env()).doesNotContainKey("WAGATE_MEDIA_URL_SIGNING_KEY");
        assertThat(generated.workload("session-service").env()).doesNotContainKey("WAGATE_MEDIA_URL_SIGNING_KEY");
    }

    @Test
    void aGivenOrExistingMediaLinkKeyIsUsedInstead() {
        // Given
        String key = Base64.getEncoder().encodeToString(new byte[32]);

        // When
        var given = Chart.render("media: {urlSigningKey: '" + key + "'}");
        var existing = Chart.render("media: {existingSecret: vault-media, secretKey: signing}");

        // Then
        var secret = given.get("Secret", "wagate-media-links");
        assertThat(decoded(secret, "url-signing-key")).isEqualTo(key);
        assertThat(secret.map("metadata.annotations"))
                .containsEntry("helm.sh/resource-policy", "keep")
                .doesNotContainKey("helm.sh/hook");
        assertThat(existing.find("Secret", "wagate-media-links")).isEmpty();
        assertThat(existing.workload("webhook-service")
                        .env()
                        .get("WAGATE_MEDIA_URL_SIGNING_KEY")
                        .map("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "vault-media", "key", "signing"));
        assertThatThrownBy(() -> Chart.render("media: {urlSigningKey: too-short}"))
                .hasMessageContaining("urlSigningKey");
    }

    @Test
    void mediaLinksStartWithThePublicBaseUrl() {
        // When
        var fromIngress =
                Chart.render("ingress: {hosts: [wa.example.com], tls: [{secretName: t, hosts: [wa.example.com]}]}");
        var given = Chart.render("media: {publicBaseUrl: 'https://api.example.com/'}");
        var unknown = Chart.render();

        // Then
        assertThat(fromIngress
                        .workload("webhook-service")
                        .env()
                        .get("WAGATE_PUBLIC_BASE_URL")
                        .string("value"))
                .isEqualTo("https://wa.example.com");
        assertThat(given.workload("webhook-service")
                        .env()
                        .get("WAGATE_PUBLIC_BASE_URL")
                        .string("value"))
                .isEqualTo("https://api.example.com");
        assertThat(unknown.workload("webhook-service").env()).doesNotContainKey("WAGATE_PUBLIC_BASE_URL");
    }

    @Test
    void theAuthStateKeysOutliveTheReleaseOrComeFromAnExistingSecret() {
        // Given a new key first and the one it replaces second, as a rotation lists them
        String keys = "k2:" + Base64.getEncoder().encodeToString(new byte[32]) + ",k1:"
                + Base64.getEncoder().encodeToString(new byte[32]);

        // When
        var given = Chart.render("authState: {keys: '" + keys + "'}");
        var existing = Chart.render("authState: {existingSecret: vault-synced, secretKey: wagate-keys}");

        // Then
        var secret = given.get("Secret", "wagate-auth-state");
        assertThat(decoded(secret, "keys")).isEqualTo(keys);
        assertThat(secret.map("metadata.annotations")).containsEntry("helm.sh/resource-policy", "keep");
        assertThat(given.workload("session-service")
                        .env()
                        .get("WAGATE_SESSION_AUTH_STATE_KEYS")
                        .map("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "wagate-auth-state", "key", "keys"));

        assertThat(existing.find("Secret", "wagate-auth-state")).isEmpty();
        assertThat(existing.workload("session-service")
                        .env()
                        .get("WAGATE_SESSION_AUTH_STATE_KEYS")
                        .map("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "vault-synced", "key", "wagate-keys"));
    }

    @Test
    void anAuthStateKeyWithoutItsIdIsRejected() {
        // Given a bare key, as `openssl rand -base64 32` prints it
        String values = "authState: {keys: '" + Base64.getEncoder().encodeToString(new byte[32]) + "'}";

        // When / Then
        assertThatThrownBy(() -> Chart.render(values)).hasMessageContaining("authState.keys");
    }

    @Test
    void theBootstrapAdminKeyIsOptional() {
        // When
        var none = Chart.render();
        var given = Chart.render("apiService: {bootstrapAdminKey: {value: wag_0123456789abcdef}}");
        var existing = Chart.render("apiService: {bootstrapAdminKey: {existingSecret: admin, key: token}}");

        // Then
        assertThat(none.workload("api-service").env()).doesNotContainKey("WAGATE_BOOTSTRAP_ADMIN_KEY");
        assertThat(decoded(given.get("Secret", "wagate-admin-key"), "admin-key"))
                .isEqualTo("wag_0123456789abcdef");
        assertThat(existing.find("Secret", "wagate-admin-key")).isEmpty();
        assertThat(existing.workload("api-service")
                        .env()
                        .get("WAGATE_BOOTSTRAP_ADMIN_KEY")
                        .map("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "admin", "key", "token"));
    }

    private static String decoded(Manifest secret, String key) {
        return new String(Base64.getDecoder().decode(secret.string("data." + key)), StandardCharsets.UTF_8);
    }
}
