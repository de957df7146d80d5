package io.wagate.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

    @Test
    void podsGetAMinuteToCloseTheirSessionsBeforeTheyAreKilled() {
        // When
        var sessionService = Chart.render().workload("session-service");

        // Then
        assertThat(sessionService.podSpec().at("terminationGracePeriodSeconds")).isEqualTo(60);
        assertThat(Chart.render("sessionService: {terminationGracePeriodSeconds: 180}")
                        .workload("session-service")
                        .podSpec()
                        .at("terminationGracePeriodSeconds"))
                .isEqualTo(180);
    }

    @Test
    void eachPodJoinsTheConsumerGroupAsAStaticMemberNamedAfterItself() {
        // When
        var manifests = Chart.render();

        // Then the pod name is stable (a StatefulSet) and becomes Kafka's group.instance.id
        var sessionService = manifests.get("StatefulSet", "wagate-session-service");
        assertThat(sessionService.at("spec.replicas")).isEqualTo(3);
        assertThat(sessionService.string("spec.podManagementPolicy")).isEqualTo("Parallel");
        assertThat(sessionService.env().get("KAFKA_GROUP_INSTANCE_ID").map("valueFrom"))
                .isEqualTo(Map.of("fieldRef", Map.of("fieldPath", "metadata.name")));
        var governing = manifests.get("Service", sessionService.string("spec.serviceName"));
        assertThat(governing.string("spec.clusterIP")).isEqualTo("None");
    }

    @Test
    void staticMembershipCanBeTurnedOff() {
        // When
        var sessionService =
                Chart.render("sessionService: {staticMembership: false}").workload("session-service");

        // Then
        assertThat(sessionService.env()).doesNotContainKey("KAFKA_GROUP_INSTANCE_ID");
    }

    @Test
    void aDisruptionBudgetLetsOnlyOnePodGoAtATime() {
        // When
        var manifests = Chart.render();

        // Then
        var budget = manifests.get("PodDisruptionBudget", "wagate-session-service");
        assertThat(budget.at("spec.maxUnavailable")).isEqualTo(1);
        assertThat(budget.map("spec.selector.matchLabels"))
                .isEqualTo(manifests.workload("session-service").map("spec.selector.matchLabels"));
        assertThat(manifests.workload("session-service").map("spec.template.metadata.labels"))
                .containsAllEntriesOf(budget.map("spec.selector.matchLabels"));
    }

    @Test
    void morePodsThanCommandPartitionsIsRefused() {
        // Given a pod that could never own a partition, hence no session
        String values = """
                kafka: {commandPartitions: 4}
                sessionService: {replicas: 5}
                """;

        // When / Then
        assertThatThrownBy(() -> Chart.render(values))
                .hasMessageContaining("sessionService.replicas (5) exceeds kafka.commandPartitions (4)");
        assertThat(Chart.render("kafka: {commandPartitions: 4}\nsessionService: {replicas: 4}")
                        .workload("session-service")
                        .at("spec.replicas"))
                .isEqualTo(4);
    }

    @Test
    void sessionServiceRunsTheConfiguredTransportWithTheAuthStateKeys() {
        // When
        var env = Chart.render("sessionService: {transport: cobalt}")
                .workload("session-service")
                .env();

        // Then
        assertThat(env.get("WAGATE_TRANSPORT").string("value")).isEqualTo("cobalt");
        assertThat(env.get("WAGATE_SESSION_AUTH_STATE_KEYS").map("valueFrom.secretKeyRef"))
                .isEqualTo(Map.of("name", "wagate-auth-state", "key", "keys"));
    }

    @Test
    void sessionServiceCreatesMissingTopicsWithTheCommandPartitionCount() {
        var env = Chart.render("kafka: {commandPartitions: 24}\nsessionService: {replicas: 3}")
                .workload("session-service")
                .env();

        assertThat(env.get("WAGATE_KAFKA_TOPICS_PARTITIONS").string("value")).isEqualTo("24");
    }
}
