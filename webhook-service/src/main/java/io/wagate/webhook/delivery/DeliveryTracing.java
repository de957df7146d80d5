package io.wagate.webhook.delivery;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Continues the trace of a send into its webhooks: each attempt runs in a span whose parent is the
 * context the event arrived with, and the subscriber receives that span's W3C {@code traceparent}.
 */
@Singleton
class DeliveryTracing {

    private static final TextMapGetter<Map<String, String>> MAP_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    DeliveryTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.wagate.webhook");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Runs {@code attempt} in the delivery's span, handing it the headers that carry the trace on. */
    SendOutcome traced(ClaimedDelivery delivery, Function<Map<String, String>, SendOutcome> attempt) {
        Context parent = delivery.traceparent() == null
                ? Context.root()
                : propagator.extract(Context.root(), Map.of("traceparent", delivery.traceparent()), MAP_GETTER);
        Span span = tracer.spanBuilder("webhook deliver")
                .setParent(parent)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("wagate.event_id", delivery.eventId())
                .setAttribute("wagate.endpoint_id", delivery.endpointId())
                .setAttribute("wagate.attempt", delivery.attempts() + 1L)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Map<String, String> headers = new HashMap<>();
            propagator.inject(Context.current(), headers, Map::put);
            SendOutcome outcome = attempt.apply(headers);
            if (!(outcome instanceof SendOutcome.Responded responded && responded.successful())) {
                span.setStatus(StatusCode.ERROR);
            }
            return outcome;
        } finally {
            span.end();
        }
    }
}
