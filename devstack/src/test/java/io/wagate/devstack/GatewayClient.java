package io.wagate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** The gateway's public HTTP API as a user calls it: JSON in and out, with one API key. */
final class GatewayClient {

    static final ObjectMapper JSON = new ObjectMapper();

    /** What the gateway answered. */
    record Answer(int status, JsonNode body) {
        String errorCode() {
            return body.at("/error/code").asText();
        }
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String key;

    GatewayClient(String baseUrl, String key) {
        this.baseUrl = baseUrl;
        this.key = key;
    }

    GatewayClient withKey(String otherKey) {
        return new GatewayClient(baseUrl, otherKey);
    }

    /** Calls the API and checks the status; {@code body} null sends none. */
    JsonNode call(String method, String path, Object body, int expectedStatus) {
        return call(method, path, body, Map.of(), expectedStatus);
    }

    JsonNode call(String method, String path, Object body, Map<String, String> headers, int expectedStatus) {
        Answer answer = exchange(method, path, body, headers);
        assertThat(answer.status())
                .as("%s %s answered %s", method, path, answer.body())
                .isEqualTo(expectedStatus);
        return answer.body();
    }

    Answer exchange(String method, String path, Object body) {
        return exchange(method, path, body, Map.of());
    }

    Answer exchange(String method, String path, Object body, Map<String, String> headers) {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            headers.forEach(request::header);
            return answer(request.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /v1/media}: uploads a file as a multipart part named {@code file}; answers its {@code med_} id. */
    String upload(String filename, String contentType, byte[] bytes) {
        String boundary = "wagate-" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                        + "Content-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/media"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        Answer answer = answer(request);
        assertThat(answer.status()).as("upload answered %s", answer.body()).isEqualTo(201);
        return answer.body().get("id").asText();
    }

    private Answer answer(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            return new Answer(response.statusCode(), text.isBlank() ? JSON.nullNode() : JSON.readTree(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
