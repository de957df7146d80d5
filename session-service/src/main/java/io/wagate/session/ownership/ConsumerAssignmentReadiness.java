package io.wagate.session.ownership;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;

/**
 * Not ready until the command consumer has joined its group and been given its partitions (possibly
 * none, when there are more instances than partitions): before that it owns no session.
 */
@Singleton
@Readiness
public class ConsumerAssignmentReadiness implements HealthIndicator {

    private final AtomicBoolean assigned = new AtomicBoolean();

    void markAssigned() {
        assigned.set(true);
    }

    /** Whether the command consumer has been given its partitions. */
    public boolean isAssigned() {
        return assigned.get();
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean ready = isAssigned();
        return Publishers.just(HealthResult.builder("kafkaAssignment", ready ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("assigned", ready))
                .build());
    }
}
