package io.wagate.api.media;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code POST /internal/v1/media/prepare} on media-service. */
@Singleton
final class HttpMediaService implements MediaService {

    private static final Logger LOG = LoggerFactory.getLogger(HttpMediaService.class);
    private static final String PREPARE_PATH = "/internal/v1/media/prepare";
    /** media-service's refusals of the media itself, passed on to the caller with their own code. */
    private static final Set<Integer> PASSED_ON = Set.of(400, 404, 413, 415, 422);

    private final HttpClient client;
    private final URI prepareUri;
    private final MediaServiceConfig config;
    private final JsonMapper json;

    HttpMediaService(MediaServiceConfig config, JsonMapper json) {
        this.config = config;
        this.json = json;
        this.prepareUri = config.url().resolve(PREPARE_PATH);
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    @Override
    public PreparedMedia prepare(PrepareRequest request) {
        HttpResponse<byte[]> response = send(request);
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            try {
                return Objects.requireNonNull(json.readValue(response.body(), PreparedMedia.class));
            } catch (IOException | RuntimeException e) {
                throw unavailable("media-service answered an unreadable prepared media", e);
            }
        }
        if (PASSED_ON.contains(response.statusCode())) {
            throw new ApiException(refusal(response));
        }
        throw unavailable("media-service answered " + response.statusCode(), null);
    }

    private HttpResponse<byte[]> send(PrepareRequest request) {
        try {
            HttpRequest http = HttpRequest.newBuilder(prepareUri)
                    .timeout(config.timeout())
                    .header("content-type", "application/json")
                    .header("accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(request)))
                    .build();
            return client.send(http, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw unavailable("media-service is unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while waiting for media-service", e);
        }
    }

    /** media-service's envelope, kept as it is; an unreadable one still keeps the status. */
    private ApiError refusal(HttpResponse<byte[]> response) {
        try {
            Map<String, Object> body = json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
            if (body != null
                    && body.get("error") instanceof Map<?, ?> error
                    && error.get("code") instanceof String code) {
                Map<String, Object> details = new LinkedHashMap<>();
                if (error.get("details") instanceof Map<?, ?> given) {
                    given.forEach((key, value) -> {
                        if (key != null && value != null) {
                            details.put(key.toString(), value);
                        }
                    });
                }
                return new ApiError.MediaRejected(
                        response.statusCode(), code, String.valueOf(error.get("message")), details);
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("unreadable refusal from media-service", e);
        }
        return new ApiError.MediaRejected(
                response.statusCode(), "media_rejected", "media-service refused the media", Map.of());
    }

    private static ApiException unavailable(String reason, Throwable cause) {
        LOG.warn("media preparation failed: {}", reason);
        return new ApiException(
                new ApiError.Unavailable("media-service is unavailable; nothing was sent, retry"), cause);
    }
}
