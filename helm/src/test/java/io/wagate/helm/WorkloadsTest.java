package io.wagate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadsTest {

    private static final Map<String, Integer> PORTS =
            Map.of("api-service", 8081, "webhook-service", 8082, "session-service", 8083, "media-service", 8084);

    @Test
    void eachServiceRunsItsOwnImageBehindItsOwnService() {
        // When
        var manifests = Chart.render();

        // Then
        assertThat(manifests.get("Deployment", "wagate-api-service")).isNotNull();
        assertThat(manifests.get("Deployment", "wagate-webhook-service")).isNotNull();
        assertThat(manifests.get("StatefulSet", "wagate-session-service")).isNotNull();
        assertThat(manifests.get("Deployment", "wagate-media-service")).isNotNull();
        PORTS.forEach((service, port) -> {
            var container = manifests.workload(service).container();
            assertThat(container.string("image")).isEqualTo("wagate/" + service + ":0.1.0");
            assertThat(container.list("ports"))
                    .containsExactly(Map.of("name", "http", "containerPort", port, "protocol", "TCP"));
            assertThat(manifests
                            .workload(service)
                            .env()
                            .get("MICRONAUT_SERVER_PORT")
                            .string("value"))
                    .isEqualTo(String.valueOf(port));
            var svc = manifests.get("Service", "wagate-" + service);
            assertThat(svc.list("spec.ports").getFirst())
                    .containsEntry("port", port)
                    .containsEntry("targetPort", "http");
            assertThat(svc.map("spec.selector"))
                    .isEqualTo(manifests.workload(service).map("spec.selector.matchLabels"))
                    .containsEntry("app.kubernetes.io/component", service);
        });
    }

    @Test
    void mediaServiceCanBeLeftOutAndThenNothingPointsAtIt() {
        // When
        var manifests = Chart.render("mediaService: {enabled: false}");

        // Then
        assertThat(manifests.all()).noneMatch(m -> m.name().contains("media"));
        for (String service : List.of("api-service", "session-service", "webhook-service")) {
            assertThat(manifests.workload(service).env())
                    .doesNotContainKeys("WAGATE_MEDIA_SERVICE_URL", "WAGATE_MEDIA_URL_SIGNING_KEY");
        }
        assertThat(manifests
                        .get("Ingress", "wagate")
                        .list("spec.rules")
                        .getFirst()
                        .toString())
                .doesNotContain("/v1/media");
    }

    @Test
    void theServicesThatUseMediaServiceReachItThroughItsClusterService() {
        // When
        var manifests = Chart.render();

        // Then
        var media = manifests.get("Service", "wagate-media-service");
        String url = "http://wagate-media-service:"
                + media.list("spec.ports").getFirst().get("port");
        for (String service : List.of("api-service", "session-service")) {
            assertThat(manifests
                            .workload(service)
                            .env()
                            .get("WAGATE_MEDIA_SERVICE_URL")
                            .string("value"))
                    .isEqualTo(url);
        }
        for (String service : List.of("webhook-service", "media-service")) {
            assertThat(manifests.workload(service).env()).doesNotContainKey("WAGATE_MEDIA_SERVICE_URL");
        }
    }

    @Test
    void everyPodRunsAsANonRootUserOnAReadOnlyFilesystem() {
        // When
        var manifests = Chart.render();

        // Then
        for (String service : PORTS.keySet()) {
            var pod = manifests.workload(service).podSpec();
            assertThat(pod.at("securityContext.runAsNonRoot")).isEqualTo(true);
            assertThat(pod.at("securityContext.runAsUser")).isEqualTo(10001);
            assertThat(pod.at("automountServiceAccountToken")).isEqualTo(false);
            var container = manifests.workload(service).container();
            assertThat(container.at("securityContext.readOnlyRootFilesystem")).isEqualTo(true);
            assertThat(container.at("securityContext.allowPrivilegeEscalation")).isEqualTo(false);
            assertThat(container.at("securityContext.capabilities.drop")).isEqualTo(List.of("ALL"));
            assertThat(container.list("volumeMounts")).contains(Map.of("name", "tmp", "mountPath", "/tmp"));
        }
    }

    @Test
    void probesAskTheHealthEndpointsAndResourcesAreBounded() {
        // When
        var manifests = Chart.render();

        // Then
        for (String service : PORTS.keySet()) {
            var container = manifests.workload(service).container();
            assertThat(container.string("startupProbe.httpGet.path")).isEqualTo("/health/liveness");
            assertThat(container.string("livenessProbe.httpGet.path")).isEqualTo("/health/liveness");
            assertThat(container.string("readinessProbe.httpGet.path")).isEqualTo("/health/readiness");
            assertThat(container.string("readinessProbe.httpGet.port")).isEqualTo("http");
            assertThat(container.map("resources.requests")).containsKeys("cpu", "memory");
            assertThat(container.map("resources.limits")).containsKey("memory");
            assertThat(manifests.workload(service).env().get("JDK_JAVA_OPTIONS").string("value"))
                    .contains("-XX:MaxRAMPercentage=");
        }
    }

    @Test
    void imagesComeFromTheConfiguredRegistryAndTag() {
        // Given
        String values = """
                image:
                  registry: registry.example.com
                  repository: platform/wagate
                  tag: 1.2.3
                webhookService:
                  image:
                    repository: mirror.example.com/wagate-webhooks
                    tag: 1.2.4
                """;

        // When
        var manifests = Chart.render(values);

        // Then
        assertThat(manifests.workload("api-service").container().string("image"))
                .isEqualTo("registry.example.com/platform/wagate/api-service:1.2.3");
        assertThat(manifests.workload("webhook-service").container().string("image"))
                .isEqualTo("mirror.example.com/wagate-webhooks:1.2.4");
    }
}
