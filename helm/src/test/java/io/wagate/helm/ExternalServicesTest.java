package io.wagate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExternalServicesTest {

    private static final List<String> SERVICES =
            List.of("api-service", "session-service", "webhook-service", "media-service");

    @Test
    void externalKafkaPostgresAndRedisFlowIntoTheServicesEnvironment() {
        // Given infrastructure that lives outside the release
        String values = """
                kafka:
                  bootstrapServers: b-1.msk.example.com:9096,b-2.msk.example.com:9096
                  topicPrefix: prod.
                postgres:
                  host: wagate.cluster-1.eu-west-1.rds.amazonaws.com
                  port: 6432
                  database: gateway
                  parameters: sslmode=require
                redis:
                  host: cache.example.internal
                  port: 6380
                  database: 2
                  tls: true
                """;

        // When
        var manifests = Chart.render(values);

        // Then
        for (String service : SERVICES) {
            var env = manifests.workload(service).env();
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS").string("value"))
                    .isEqualTo("b-1.msk.example.com:9096,b-2.msk.example.com:9096");
            assertThat(env.get("WAGATE_KAFKA_TOPIC_PREFIX").string("value")).isEqualTo("prod.");
            assertThat(env.get("DATASOURCES_DEFAULT_URL").string("value"))
                    .isEqualTo(
                            "jdbc:postgresql://wagate.cluster-1.eu-west-1.rds.amazonaws.com:6432/gateway?sslmode=require");
        }
        for (String service : List.of("api-service", "session-service")) {
            assertThat(manifests.workload(service).env().get("REDIS_URI").string("value"))
                    .as(service)
                    .isEqualTo("rediss://cache.example.internal:6380/2");
        }
        assertThat(manifests.workload("webhook-service").env()).doesNotContainKey("REDIS_URI");
    }

    @Test
    void webhookServiceAsksApiServiceThroughItsClusterService() {
        // When
        var manifests = Chart.render("webhookService: {allowedHosts: [hooks.internal, 10.20.0.0/16]}");

        // Then
        var env = manifests.workload("webhook-service").env();
        var apiService = manifests.get(
                "Service",
                env.get("WAGATE_API_SERVICE_URL")
                        .string("value")
                        .replaceFirst("^http://", "")
                        .replaceFirst(":\\d+$", ""));
        assertThat(env.get("WAGATE_API_SERVICE_URL").string("value"))
                .isEqualTo("http://wagate-api-service:"
                        + apiService.list("spec.ports").getFirst().get("port"));
        assertThat(env.get("WAGATE_WEBHOOKS_ALLOWED_HOSTS").string("value")).isEqualTo("hooks.internal,10.20.0.0/16");
    }

    @Test
    void operatorsCanSetAnyServicePropertyThroughExtraEnv() {
        // Given
        String values = """
                extraEnv:
                  - {name: WAGATE_KAFKA_ACK_TIMEOUT, value: 5s}
                sessionService:
                  extraEnv:
                    - {name: WAGATE_SIMULATOR_SCAN_DELAY, value: 10s}
                """;

        // When
        var manifests = Chart.render(values);

        // Then
        for (String service : SERVICES) {
            assertThat(manifests
                            .workload(service)
                            .env()
                            .get("WAGATE_KAFKA_ACK_TIMEOUT")
                            .string("value"))
                    .isEqualTo("5s");
        }
        assertThat(manifests
                        .workload("session-service")
                        .env()
                        .get("WAGATE_SIMULATOR_SCAN_DELAY")
                        .string("value"))
                .isEqualTo("10s");
        assertThat(manifests.workload("api-service").env()).doesNotContainKey("WAGATE_SIMULATOR_SCAN_DELAY");
    }

    @Test
    void theBucketAndItsStoreFlowIntoMediaServicesEnvironment() {
        // Given
        String values = """
                s3:
                  endpoint: https://minio.storage.svc:9000
                  region: eu-central-1
                  bucket: whatsapp-media
                  forcePathStyle: true
                  accessKeyId: AKIAEXAMPLE
                  secretAccessKey: s3-secret
                mediaService:
                  allowedHosts: [files.internal, 10.30.0.0/16]
                """;

        // When
        var env = Chart.render(values).workload("media-service").env();

        // Then
        assertThat(env.get("WAGATE_S3_ENDPOINT").string("value")).isEqualTo("https://minio.storage.svc:9000");
        assertThat(env.get("WAGATE_S3_REGION").string("value")).isEqualTo("eu-central-1");
        assertThat(env.get("WAGATE_S3_BUCKET").string("value")).isEqualTo("whatsapp-media");
        assertThat(env.get("WAGATE_S3_FORCE_PATH_STYLE").string("value")).isEqualTo("true");
        assertThat(env.get("WAGATE_MEDIA_ALLOWED_HOSTS").string("value")).isEqualTo("files.internal,10.30.0.0/16");
        assertThat(env.get("WAGATE_API_SERVICE_URL").string("value")).isEqualTo("http://wagate-api-service:8081");
    }

    @Test
    void onAwsMediaServiceUsesThePodsOwnIdentityWhenNoKeysAreGiven() {
        // When
        var env = Chart.render("s3: {forcePathStyle: false}")
                .workload("media-service")
                .env();

        // Then
        assertThat(env)
                .doesNotContainKeys("WAGATE_S3_ENDPOINT", "WAGATE_S3_ACCESS_KEY_ID", "WAGATE_S3_SECRET_ACCESS_KEY");
        assertThat(env.get("WAGATE_S3_FORCE_PATH_STYLE").string("value")).isEqualTo("false");
        assertThat(env.get("WAGATE_S3_BUCKET").string("value")).isEqualTo("wagate-media");
    }
}
