package io.wagate.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The subscribers: a JDK HTTP server on 127.0.0.1 with a virtual thread per request, answering 204 at
 * once under {@code /hooks/<n>}. It records the first arrival of each (endpoint, webhook-id) and how
 * long after its event was produced it came; redeliveries are counted apart.
 */
final class BenchReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Long> producedAt;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile LatencyRecorder latencies = new LatencyRecorder(1);
    private volatile long lastArrival;

    BenchReceiver(Map<String, Long> producedAt) {
        this.producedAt = producedAt;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String hook(int endpoint) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + endpoint;
    }

    /** Starts a new measurement expecting {@code deliveries} first arrivals. */
    void reset(int deliveries) {
        seen.clear();
        duplicates.set(0);
        latencies = new LatencyRecorder(deliveries);
    }

    int delivered() {
        return latencies.count();
    }

    long duplicates() {
        return duplicates.get();
    }

    long lastArrivalNanos() {
        return lastArrival;
    }

    LatencyRecorder latencies() {
        return latencies;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            long now = System.nanoTime();
            String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
            if (seen.add(exchange.getRequestURI().getPath() + "#" + webhookId)) {
                Long produced = producedAt.get(webhookId);
                if (produced != null) {
                    latencies.record(now - produced);
                    lastArrival = now;
                }
            } else {
                duplicates.incrementAndGet();
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
