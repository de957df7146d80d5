package io.wagate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The public HTTP API, as a user drives it: organizations, sessions, webhooks, sends. */
final class GatewayClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String key;

    GatewayClient(HttpClient http, String baseUrl, String key) {
        this.http = http;
        this.baseUrl = baseUrl;
        this.key = key;
    }

    /** A client for a new organization, created with the admin key. */
    GatewayClient newOrganization(String name) throws IOException, InterruptedException {
        JsonNode organization = post("/v1/organizations", Map.of("name", name));
        return new GatewayClient(
                http, baseUrl, organization.path("api_key").path("key").asText());
    }

    List<String> createSessions(int count) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(post("/v1/sessions", Map.of("name", "bench-" + i))
                    .path("id")
                    .asText());
        }
        return ids;
    }

    String status(String sessionId) throws IOException, InterruptedException {
        return get("/v1/sessions/" + sessionId).path("status").asText();
    }

    void subscribe(String url, List<String> events) throws IOException, InterruptedException {
        post("/v1/webhooks", Map.of("url", url, "events", events));
    }

    /** The JSON body of a text send, as the load generator posts it. */
    static String textSend(String to, String clientRef) {
        return "{\"to\":\"" + to + "\",\"type\":\"text\",\"text\":\"benchmark message " + clientRef
                + "\",\"client_ref\":\"" + clientRef + "\"}";
    }

    /** POSTs a send asynchronously queued; returns the HTTP status. */
    int send(String sessionId, String body) throws IOException, InterruptedException {
        return http.send(
                        request("/v1/sessions/" + sessionId + "/messages?async=true")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return answer(request(path)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return answer(request(path).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json");
    }

    private JsonNode answer(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
