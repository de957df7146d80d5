package io.wagate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * The subscriber of the end-to-end run: records when the {@code message.sent} webhook of each
 * {@code client_ref} first arrives (nanoTime), answering 204 at once.
 */
final class WebhookArrivals implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();

    WebhookArrivals() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        server.createContext("/webhook", this::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    /** nanoTime of the first arrival for {@code clientRef}, or null. */
    Long arrivalOf(String clientRef) {
        return arrivals.get(clientRef);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            long now = System.nanoTime();
            JsonNode event = JSON.readTree(body);
            String clientRef = event.path("data").path("client_ref").asText(null);
            if (clientRef != null && "message.sent".equals(event.path("type").asText())) {
                arrivals.putIfAbsent(clientRef, now);
            }
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
