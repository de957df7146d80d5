package io.wagate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AutoscalingTest {

    @Test
    void theStatelessServicesScaleOnCpuAndSessionServiceDoesNot() {
        // When
        var manifests = Chart.render();

        // Then
        assertThat(manifests.ofKind("HorizontalPodAutoscaler"))
                .extracting(Manifest::name)
                .containsExactlyInAnyOrder("wagate-api-service", "wagate-webhook-service", "wagate-media-service");
        for (String service : new String[] {"api-service", "webhook-service", "media-service"}) {
            var hpa = manifests.get("HorizontalPodAutoscaler", "wagate-" + service);
            assertThat(hpa.body()).containsEntry("apiVersion", "autoscaling/v2");
            assertThat(hpa.string("spec.scaleTargetRef.kind")).isEqualTo("Deployment");
            assertThat(hpa.string("spec.scaleTargetRef.name"))
                    .isEqualTo(manifests.workload(service).name());
            assertThat(hpa.at("spec.minReplicas")).isEqualTo(2);
            assertThat(hpa.at("spec.maxReplicas")).isEqualTo(10);
            assertThat(new Manifest(hpa.list("spec.metrics").getFirst()).string("resource.name"))
                    .isEqualTo("cpu");
            // the autoscaler owns the replica count: the Deployment does not fight it on upgrade
            assertThat(manifests.workload(service).at("spec.replicas")).isNull();
        }
    }

    @Test
    void withoutAutoscalingTheReplicaCountIsFixed() {
        // Given
        String values = """
                apiService: {replicas: 3, autoscaling: {enabled: false}}
                webhookService: {autoscaling: {minReplicas: 1, maxReplicas: 4}}
                """;

        // When
        var manifests = Chart.render(values);

        // Then
        assertThat(manifests.find("HorizontalPodAutoscaler", "wagate-api-service"))
                .isEmpty();
        assertThat(manifests.workload("api-service").at("spec.replicas")).isEqualTo(3);
        assertThat(manifests
                        .get("HorizontalPodAutoscaler", "wagate-webhook-service")
                        .at("spec.maxReplicas"))
                .isEqualTo(4);
    }

    @Test
    void mediaServiceScalesAndIsProtectedLikeTheOtherStatelessServices() {
        // When
        var manifests = Chart.render("mediaService: {autoscaling: {enabled: false}, replicas: 3}");

        // Then
        assertThat(manifests.find("HorizontalPodAutoscaler", "wagate-media-service"))
                .isEmpty();
        assertThat(manifests.workload("media-service").at("spec.replicas")).isEqualTo(3);
        var budget = manifests.get("PodDisruptionBudget", "wagate-media-service");
        assertThat(budget.at("spec.maxUnavailable")).isEqualTo(1);
        assertThat(budget.map("spec.selector.matchLabels"))
                .isEqualTo(manifests.workload("media-service").map("spec.selector.matchLabels"));
    }
}
