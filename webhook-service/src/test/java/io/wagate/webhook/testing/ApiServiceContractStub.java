package io.wagate.webhook.testing;

import com.sun.net.httpserver.HttpExchange;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A contract stub of api-service's one internal call, {@code POST /internal/v1/api-keys/introspect
 * {"key"}}, answering as docs/architecture.md and api-service's brief define it: 200
 * {@code {"organization_id","key_id","admin"}} for a known key, 401 with the error envelope otherwise.
 * It stands in for api-service so these tests need no second service; api-service's own tests hold it
 * to the same contract.
 */
public final class ApiServiceContractStub {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();

    private final Map<String, String> organizationByKey = new ConcurrentHashMap<>();
    private final AtomicInteger introspections = new AtomicInteger();
    private volatile boolean available = true;

    private ApiServiceContractStub() {}

    /** Serves the stub from the receiver's server, under {@code /internal/}. */
    public static ApiServiceContractStub servedBy(WebhookReceiver receiver) {
        ApiServiceContractStub stub = new ApiServiceContractStub();
        receiver.server().createContext("/internal/v1/api-keys/introspect", stub::handle);
        return stub;
    }

    public ApiServiceContractStub knows(String apiKey, String organizationId) {
        organizationByKey.put(apiKey, organizationId);
        return this;
    }

    /** While false, every introspection answers 503, as an api-service that is down behind a proxy. */
    public void available(boolean available) {
        this.available = available;
    }

    public int introspections() {
        return introspections.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            introspections.incrementAndGet();
            if (!exchange.getRequestMethod().equals("POST")) {
                answer(exchange, 405, Map.of("error", Map.of("code", "method_not_allowed", "message", "POST only")));
                return;
            }
            if (!available) {
                answer(exchange, 503, Map.of("error", Map.of("code", "unavailable", "message", "down")));
                return;
            }
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
}
