package io.wagate.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiPredicate;

/**
 * A webhook subscriber for tests: records every request and answers 204, or 503 while failing; reads
 * back the events it accepted.
 */
final class RecordingReceiver implements AutoCloseable {

    record Delivery(HttpHeaders headers, String body, int answeredWith) {}

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile boolean failing;

    private RecordingReceiver(HttpServer server) {
        this.server = server;
    }

    static RecordingReceiver start() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            var receiver = new RecordingReceiver(server);
            server.createContext("/", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    void failing(boolean failing) {
        this.failing = failing;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    List<Delivery> accepted() {
        return deliveries.stream().filter(d -> d.answeredWith() < 300).toList();
    }

    /** The events of the deliveries it accepted, in arrival order. */
    List<JsonNode> events() {
        return accepted().stream().map(d -> parse(d.body())).toList();
    }

    /** The accepted events about one message ({@code data.message_id}). */
    List<JsonNode> eventsFor(String messageId) {
        return events().stream()
                .filter(e -> messageId.equals(e.at("/data/message_id").asText()))
                .toList();
    }

    /** The types of the accepted events about one message, in arrival order. */
    List<String> typesFor(String messageId) {
        return eventsFor(messageId).stream().map(e -> e.get("type").asText()).toList();
    }

    static JsonNode parse(String body) {
        try {
            return GatewayClient.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = failing ? 503 : 204;
            HttpHeaders headers = HttpHeaders.of(Map.copyOf(exchange.getRequestHeaders()), ALL);
            deliveries.add(new Delivery(headers, body, status));
            exchange.sendResponseHeaders(status, -1);
        }
    }

    private static final BiPredicate<String, String> ALL = (name, value) -> true;

    @Override
    public void close() {
        server.stop(0);
    }
}
