package io.wagate.media.store;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** Ready only while the bucket answers: without it nothing can be stored or served. */
@Singleton
final class S3HealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final S3ObjectStore store;

    S3HealthIndicator(S3ObjectStore store) {
        this.store = store;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        try {
            store.checkReachable();
            healthStatus = HealthStatus.UP;
            return Map.of("bucket", store.bucket());
        } catch (RuntimeException e) {
            healthStatus = HealthStatus.DOWN;
            return Map.of("bucket", store.bucket(), "error", String.valueOf(e.getMessage()));
        }
    }

    @Override
    protected String getName() {
        return "s3";
    }
}
