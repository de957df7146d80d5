package io.wagate.session.sending;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * {@code wagate_send_latency_seconds{stage="whatsapp_ack"}}: from handing a message to the socket to
 * WhatsApp's server ack; {@code wagate_sends_total{outcome}}: sends by how WhatsApp answered.
 */
@Singleton
public class SendMetrics {

    private final Timer whatsAppAck;
    private final MeterRegistry registry;

    SendMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.whatsAppAck = Timer.builder("wagate.send.latency")
                .description("Time from handing a message to WhatsApp to its server ack")
                .tag("stage", "whatsapp_ack")
                .publishPercentileHistogram()
                .register(registry);
    }

    void acked(Duration elapsed) {
        whatsAppAck.record(elapsed);
    }

    void outcome(String outcome) {
        registry.counter("wagate.sends", "outcome", outcome).increment();
    }
}
