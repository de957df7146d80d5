package io.wagate.media.auth;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/** Asks api-service: {@code POST /internal/v1/api-keys/introspect {"key"}}. */
@Singleton
@Named("api-service")
final class HttpApiKeyVerifier implements ApiKeyVerifier {

    private static final String INTROSPECT_PATH = "/internal/v1/api-keys/introspect";

    private final HttpClient client;
    private final URI introspectUri;
    private final ApiServiceConfig config;
    private final JsonMapper json;

    HttpApiKeyVerifier(ApiServiceConfig config, JsonMapper json) {
        this.config = config;
        this.json = json;
        this.introspectUri = config.url().resolve(INTROSPECT_PATH);
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public Optional<Caller> verify(String apiKey) {
        HttpResponse<byte[]> response = send(apiKey);
        return switch (response.statusCode()) {
            case 200 -> Optional.of(parse(response.body()));
            case 401, 403, 404 -> Optional.empty();
            default ->
                throw new VerifierUnavailableException(
                        "api-service answered " + response.statusCode() + " to introspection", null);
        };
    }

    private HttpResponse<byte[]> send(String apiKey) {
        try {
            HttpRequest request = HttpRequest.newBuilder(introspectUri)
                    .timeout(config.timeout())
                    .header("content-type", "application/json")
                    .header("accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(new Introspection(apiKey))))
                    .build();
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new VerifierUnavailableException("api-service is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerifierUnavailableException("interrupted while asking api-service", e);
        }
    }

    private Caller parse(byte[] body) {
        try {
            IntrospectedKey key = json.readValue(body, IntrospectedKey.class);
            if (key.organizationId() == null || key.keyId() == null) {
                throw new VerifierUnavailableException("api-service answered an introspection without ids", null);
            }
            return new Caller(key.organizationId(), key.keyId(), Boolean.TRUE.equals(key.admin()));
        } catch (IOException e) {
            throw new VerifierUnavailableException("api-service answered an unreadable introspection", e);
        }
    }

    @Serdeable
    record Introspection(String key) {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    record IntrospectedKey(String organizationId, String keyId, Boolean admin) {}
}
