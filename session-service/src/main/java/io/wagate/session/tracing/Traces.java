package io.wagate.session.tracing;

import io.micronaut.core.annotation.Nullable;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
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
import java.util.function.Supplier;

/**
 * Carries a send's trace through session-service (ADR 0011). A command continues the trace its
 * Kafka record came with; the hand-over to WhatsApp and every event of the message continue it in
 * turn. Between them the trace travels as a W3C {@code traceparent} string, the form it has on
 * Kafka headers and in PostgreSQL, so it survives a crash and a move to another instance.
 */
@Singleton
public class Traces {

    /** The W3C header, on Kafka records as on HTTP requests. */
    public static final String TRACEPARENT = "traceparent";

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public @Nullable String get(@Nullable Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public Traces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.wagate.session");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /**
     * Runs {@code work} in a new span continuing {@code parent}, or starting a trace when there is
     * none; a failure marks the span and goes on to the caller.
     */
    public <T> T inSpan(
            String name, SpanKind kind, @Nullable String parent, Map<String, String> attributes, Supplier<T> work) {
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind).setParent(contextOf(parent));
        attributes.forEach(builder::setAttribute);
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    /** {@link #inSpan} for work that answers nothing. */
    public void runInSpan(
            String name, SpanKind kind, @Nullable String parent, Map<String, String> attributes, Runnable work) {
        inSpan(name, kind, parent, attributes, () -> {
            work.run();
            return null;
        });
    }

    /** The traceparent of the span this thread is in; null outside any. */
    public @Nullable String current() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        propagator.inject(Context.current(), headers, Map::put);
        return headers.get(TRACEPARENT);
    }

    /** The span this thread is in, else {@code recorded}: what an event of a message should carry. */
    public @Nullable String currentOr(@Nullable String recorded) {
        String current = current();
        return current != null ? current : recorded;
    }

    private Context contextOf(@Nullable String traceparent) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> carrier = Map.of(TRACEPARENT, traceparent);
        return propagator.extract(Context.root(), carrier, FROM_MAP);
    }
}
