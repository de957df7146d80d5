package io.wagate.webhook.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A subscriber's HTTP endpoint on 127.0.0.1: records every webhook POSTed under {@code /hooks/} and
 * answers 200, or the statuses (and headers, and delays) a test scripts for a path or for one event.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Deque<Integer>> scriptedPerEvent = new ConcurrentHashMap<>();
    private final Map<String, Integer> standing = new ConcurrentHashMap<>();
    private final Map<String, Duration> delays = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> answerHeaders = new ConcurrentHashMap<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
        server.createContext("/hooks/", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The URL of a hook of its own for one test. */
    public String hook(String name) {
        return baseUrl() + "/hooks/" + name;
    }

    /** The next requests to the hook answer these statuses, in order; then the standing answer. */
    public void answerNext(String name, Integer... statuses) {
        scripted.computeIfAbsent("/hooks/" + name, path -> new ArrayDeque<>()).addAll(List.of(statuses));
    }

    /** The next requests to the hook carrying this webhook-id answer these statuses, in order. */
    public void answerNextFor(String name, String webhookId, Integer... statuses) {
        scriptedPerEvent
                .computeIfAbsent("/hooks/" + name + "#" + webhookId, key -> new ArrayDeque<>())
                .addAll(List.of(statuses));
    }

    /** Every request to the hook answers this status until told otherwise (200 unless set). */
    public void answerAlways(String name, int status) {
        standing.put("/hooks/" + name, status);
    }

    /** Every answer of the hook carries these headers (e.g. Retry-After, Location). */
    public void answerWithHeaders(String name, Map<String, String> headers) {
        answerHeaders.put("/hooks/" + name, Map.copyOf(headers));
    }

    /** Requests to the hook wait this long before they are answered (zero to stop). */
    public void answerAfter(String name, Duration delay) {
        delays.put("/hooks/" + name, delay);
    }

    public List<Received> receivedBy(String name) {
        return received.stream()
                .filter(request -> request.path().equals("/hooks/" + name))
                .toList();
    }

    HttpServer server() {
        return server;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Instant receivedAt = Instant.now();
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = nextStatus(path, exchange.getRequestHeaders().getFirst("webhook-id"));
            received.add(new Received(path, Map.copyOf(exchange.getRequestHeaders()), body, status, receivedAt));
            Duration delay = delays.getOrDefault(path, Duration.ZERO);
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            answerHeaders.getOrDefault(path, Map.of()).forEach(exchange.getResponseHeaders()::set);
            byte[] answer = (status < 300 ? "ok" : "not now").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private synchronized int nextStatus(String path, String webhookId) {
        Deque<Integer> forEvent = scriptedPerEvent.get(path + "#" + webhookId);
        if (forEvent != null && !forEvent.isEmpty()) {
            return forEvent.poll();
        }
        Deque<Integer> next = scripted.get(path);
        if (next != null && !next.isEmpty()) {
            return next.poll();
        }
        return standing.getOrDefault(path, 200);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One webhook request as it arrived, and the status it was answered. */
    public record Received(
            String path, Map<String, List<String>> headers, String body, int answeredStatus, Instant receivedAt) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }
}
