package io.wagate.webhook.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code wagate_webhook_attempts_total{outcome}} — every recorded attempt by how it went
 * ({@code delivered}, {@code retry}, {@code gave_up}, {@code endpoint_gone}) — and
 * {@code wagate_webhook_attempt_latency_seconds}, the HTTP round trip of each attempt.
 */
@Singleton
class WebhookMetrics {

    private final MeterRegistry registry;
    private final Timer latency;

    WebhookMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.latency = Timer.builder("wagate.webhook.attempt.latency")
                .description("HTTP round trip of a webhook attempt")
                .publishPercentileHistogram()
                .register(registry);
    }

    void recorded(List<AttemptRecord> attempts) {
        for (AttemptRecord attempt : attempts) {
            latency.record(attempt.outcome().latencyMillis(), TimeUnit.MILLISECONDS);
            String outcome =
                    switch (attempt.result()) {
                        case DeliveryResult.Delivered ignored -> "delivered";
                        case DeliveryResult.RetryIn ignored -> "retry";
                        case DeliveryResult.GaveUp ignored -> "gave_up";
                        case DeliveryResult.EndpointGone ignored -> "endpoint_gone";
                    };
            registry.counter("wagate.webhook.attempts", "outcome", outcome).increment();
        }
    }
}
