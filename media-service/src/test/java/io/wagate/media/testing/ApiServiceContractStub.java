package io.wagate.media.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A contract stub of api-service's one internal call, {@code POST /internal/v1/api-keys/introspect
 * {"key"}}, answering as docs/architecture.md defines it: 200 {@code {"organization_id","key_id",
 * "admin"}} for a known key, 401 with the error envelope otherwise. It stands in for api-service so
 * these tests need no second service; api-service's own tests hold it to the same contract.
 */
public final class ApiServiceContractStub implements AutoCloseable {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private final HttpServer server;
    private final Map<String, String> organizationByKey = new ConcurrentHashMap<>();

    private ApiServiceContractStub(HttpServer server) {
        this.server = server;
    }

    public static ApiServiceContractStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
            ApiServiceContractStub stub = new ApiServiceContractStub(server);
            server.createContext("/internal/v1/api-keys/introspect", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void knows(String apiKey, String organizationId) {
        organizationByKey.put(apiKey, organizationId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, Object> request = JSON.readValue(
                    exchange.getRequestBody().readAllBytes(), Argument.mapOf(String.class, Object.class));
            String organizationId = organizationByKey.get(String.valueOf(request.get("key")));
            if (organizationId == null) {
                answer(exchange, 401, Map.of("error", Map.of("code", "unauthorized", "message", "unknown key")));
                return;
            }
            answer(
                    exchange,
                    200,
                    Map.of("organization_id", organizationId, "key_id", "key_" + organizationId, "admin", false));
        }
    }

    private static void answer(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
