package io.wagate.media.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/** media-service started in this JVM on a random port, called over real HTTP as a client would. */
public final class RunningMediaService implements AutoCloseable {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ApplicationContext context;
    private final URI baseUrl;

    private RunningMediaService(EmbeddedServer server) {
        this.context = server.getApplicationContext();
        this.baseUrl = server.getURI();
    }

    public static RunningMediaService start(Map<String, Object> properties) {
        return new RunningMediaService(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    public ApplicationContext context() {
        return context;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public Response get(String path, String apiKey) {
        return send(request(path, apiKey).GET());
    }

    public Response delete(String path, String apiKey) {
        return send(request(path, apiKey).DELETE());
    }

    public Response postJson(String path, Map<String, Object> body) {
        try {
            return send(request(path, null)
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response postRaw(String path, String contentType, byte[] body) {
        return send(request(path, null)
                .header("content-type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** {@code POST /v1/media} with one multipart part named {@code file}. */
    public Response upload(String apiKey, String filename, String contentType, byte[] bytes) {
        return uploadPart(apiKey, "file", filename, contentType, bytes);
    }

    /** {@code POST /v1/media} with one multipart part of the given name. */
    public Response uploadPart(String apiKey, String part, String filename, String contentType, byte[] bytes) {
        String boundary = "wagate-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\n"
                        + "Content-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename + "\"\r\n"
                        + "Content-Type: " + contentType + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request("/v1/media", apiKey)
                .header("content-type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path));
        if (apiKey != null) {
            request.header("authorization", "Bearer " + apiKey);
        }
        return request;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        context.close();
    }

    /** An HTTP answer; {@link #json()} reads its body as a JSON object. */
    public record Response(int status, HttpHeaders headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON object: " + text(), e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The {@code error.code} of an error envelope. */
        @SuppressWarnings("unchecked")
        public String errorCode() {
            return (String) ((Map<String, Object>) json().get("error")).get("code");
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> errorDetails() {
            return (Map<String, Object>) ((Map<String, Object>) json().get("error")).get("details");
        }

        @Override
        public String toString() {
            return status + " " + (body.length > 500 ? body.length + " bytes" : text());
        }
    }
}
