package io.wagate.session.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class ConsumerAssignmentReadinessTest {

    @Test
    void anInstanceIsReadyOnlyOnceItsConsumerHasBeenAssignedPartitions() {
        var readiness = new ConsumerAssignmentReadiness();

        assertThat(status(readiness)).isEqualTo(HealthStatus.DOWN);
        readiness.markAssigned();
        assertThat(status(readiness)).isEqualTo(HealthStatus.UP);
    }

    private static HealthStatus status(ConsumerAssignmentReadiness readiness) {
        HealthResult result = Mono.from(readiness.getResult()).block();
        return result.getStatus();
    }
}
