package io.wagate.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Calls the API over real HTTP, as a user would, with any body, header or key. */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(URI base) {
        this.base = base;
    }

    public record Reply(int status, JsonNode body, HttpHeaders headers) {

        public String text(String pointer) {
            return body.at(pointer).asText();
        }

        public String errorCode() {
            return text("/error/code");
        }
    }

    public Reply get(String path, String key) {
        return send("GET", path, key, null, null);
    }

    public Reply post(String path, String key, Object body) {
        return send("POST", path, key, body == null ? null : json(body), "application/json");
    }

    public Reply patch(String path, String key, Object body) {
        return send("PATCH", path, key, json(body), "application/json");
    }

    public Reply delete(String path, String key) {
        return send("DELETE", path, key, null, null);
    }

    public Reply send(String method, String path, String key, String body, String contentType) {
        return send(method, path, key, body, contentType, java.util.Map.of());
    }

    /** Sends with extra headers, e.g. {@code Idempotency-Key}. */
    public Reply send(
            String method,
            String path,
            String key,
            String body,
            String contentType,
            java.util.Map<String, String> headers) {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body().isEmpty() ? MissingNode.getInstance() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), parsed, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
