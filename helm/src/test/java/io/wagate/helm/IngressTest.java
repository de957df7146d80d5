package io.wagate.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngressTest {

    @Test
    void publicPathsGoToTheServiceThatServesThemAndInternalOnesNowhere() {
        // When
        var manifests = Chart.render();

        // Then
        var ingress = manifests.get("Ingress", "wagate");
        var rules = ingress.list("spec.rules");
        assertThat(rules).hasSize(1);
        assertThat(rules.getFirst()).doesNotContainKey("host");
        assertThat(backends(new Manifest(rules.getFirst())))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "/v1/webhooks", "wagate-webhook-service",
                        "/v1/events", "wagate-webhook-service",
                        "/v1/media", "wagate-media-service",
                        "/v1", "wagate-api-service",
                        "/docs", "wagate-api-service"));
        assertThat(paths(new Manifest(rules.getFirst())))
                .allSatisfy(path -> {
                    assertThat(path.get("pathType")).isEqualTo("Prefix");
                    assertThat(new Manifest(path).string("backend.service.port.name"))
                            .isEqualTo("http");
                })
                .noneSatisfy(path -> assertThat((String) path.get("path")).startsWith("/internal"))
                .noneSatisfy(path -> assertThat((String) path.get("path")).startsWith("/health"));
        // every backend exists and exposes the named port
        backends(new Manifest(rules.getFirst())).values().forEach(service -> assertThat(
                        manifests.get("Service", service).list("spec.ports"))
                .anySatisfy(port -> assertThat(port).containsEntry("name", "http")));
    }

    @Test
    void hostsTlsAndClassComeFromValues() {
        // Given
        String values = """
                ingress:
                  className: nginx
                  annotations:
                    cert-manager.io/cluster-issuer: letsencrypt
                  hosts: [wa.example.com, gateway.example.org]
                  tls:
                    - secretName: wagate-tls
                      hosts: [wa.example.com]
                """;

        // When
        var ingress = Chart.render(values).get("Ingress", "wagate");

        // Then
        assertThat(ingress.string("spec.ingressClassName")).isEqualTo("nginx");
        assertThat(ingress.map("metadata.annotations")).containsEntry("cert-manager.io/cluster-issuer", "letsencrypt");
        assertThat(ingress.list("spec.rules"))
                .extracting(rule -> rule.get("host"))
                .containsExactly("wa.example.com", "gateway.example.org");
        assertThat(ingress.list("spec.rules")).allSatisfy(rule -> assertThat(backends(new Manifest(rule)))
                .containsEntry("/v1", "wagate-api-service"));
        assertThat(ingress.list("spec.tls"))
                .containsExactly(Map.of("secretName", "wagate-tls", "hosts", List.of("wa.example.com")));
    }

    @Test
    void anOperatorWithTheirOwnEdgeCanTurnTheIngressOff() {
        // When
        var manifests = Chart.render("ingress: {enabled: false}");

        // Then
        assertThat(manifests.ofKind("Ingress")).isEmpty();
    }

    private static List<Map<String, Object>> paths(Manifest rule) {
        return rule.list("http.paths");
    }

    private static Map<String, String> backends(Manifest rule) {
        Map<String, String> backends = new LinkedHashMap<>();
        for (Map<String, Object> path : paths(rule)) {
            backends.put((String) path.get("path"), new Manifest(path).string("backend.service.name"));
        }
        return backends;
    }
}
