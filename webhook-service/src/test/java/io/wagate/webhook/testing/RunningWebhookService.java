package io.wagate.webhook.testing;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import io.wagate.testsupport.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

/** webhook-service started in this JVM on a random port, called over real HTTP as a client would. */
public final class RunningWebhookService implements AutoCloseable {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ApplicationContext context;
    private final URI baseUrl;

    private RunningWebhookService(EmbeddedServer server) {
        this.context = server.getApplicationContext();
        this.baseUrl = server.getURI();
    }

    /** Properties for a service on its own database and topics, asking {@code apiService} about keys. */
    public static Map<String, Object> properties(
            Infrastructure infrastructure, String jdbcUrl, String topicPrefix, URI apiService) {
        Map<String, Object> properties = new HashMap<>(infrastructure.serviceProperties(jdbcUrl, topicPrefix));
        properties.put("micronaut.server.port", -1);
        properties.put("wagate.api-service.url", apiService.toString());
        properties.put("wagate.webhooks.timeout", "3s");
        properties.put("wagate.webhooks.lease", "5s");
        properties.put("wagate.webhooks.poll-interval", "100ms");
        properties.put("wagate.webhooks.shutdown-grace", "2s");
        return properties;
    }

    public static RunningWebhookService start(Map<String, Object> properties) {
        return new RunningWebhookService(ApplicationContext.run(EmbeddedServer.class, properties));
    }

    public ApplicationContext context() {
        return context;
    }

    public Response get(String path, String apiKey) {
        return call("GET", path, apiKey, null, null);
    }

    public Response delete(String path, String apiKey) {
        return call("DELETE", path, apiKey, null, null);
    }

    public Response post(String path, String apiKey, Map<String, Object> body) {
        return call("POST", path, apiKey, "application/json", json(body));
    }

    public Response patch(String path, String apiKey, Map<String, Object> body) {
        return call("PATCH", path, apiKey, "application/json", json(body));
    }

    public URI baseUrl() {
        return baseUrl;
    }

    private static String json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response call(String method, String path, String apiKey, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (apiKey != null) {
            request.header("authorization", "Bearer " + apiKey);
        }
        if (contentType != null) {
            request.header("content-type", contentType);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
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
    public record Response(int status, String body) {

        public Map<String, Object> json() {
            try {
                return JSON.readValue(body, Argument.mapOf(String.class, Object.class));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON object: " + body, e);
            }
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
    }
}
