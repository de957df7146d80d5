package io.wagate.session.media;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.wagate.session.transport.MediaFile;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.OutboundMessage.LinkPreview;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link MediaService} over HTTP, with the JDK's client: bodies are streamed both ways, never held whole. */
@Singleton
public class HttpMediaService implements MediaService {

    private static final Logger LOG = LoggerFactory.getLogger(HttpMediaService.class);
    private static final Argument<Map<String, Object>> JSON_OBJECT = Argument.mapOf(String.class, Object.class);

    private final MediaServiceSettings settings;
    private final JsonMapper json;
    private final HttpClient http;

    public HttpMediaService(MediaServiceSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public StoredMedia prepare(
            String organizationId,
            MediaKind kind,
            @Nullable String mediaId,
            @Nullable String url,
            @Nullable String filename) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization_id", organizationId);
        body.put("kind", wordOf(kind));
        if (mediaId != null) {
            body.put("media_id", mediaId);
        }
        if (url != null) {
            body.put("url", url);
        }
        if (filename != null) {
            body.put("filename", filename);
        }
        HttpRequest request = request("/internal/v1/media/prepare")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body)))
                .build();
        return read(exchange(request), 200, Argument.of(StoredMedia.class));
    }

    @Override
    public InputStream content(String organizationId, String mediaId) throws IOException {
        HttpRequest request = request(
                        "/internal/v1/media/" + encode(mediaId) + "/content?organization_id=" + encode(organizationId))
                .GET()
                .build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            String answer;
            try (InputStream error = response.body()) {
                answer = new String(error.readNBytes(4_096), StandardCharsets.UTF_8);
            }
            throw new IOException("media-service answered " + response.statusCode() + " for the content of " + mediaId
                    + ": " + answer);
        }
        return response.body();
    }

    @Override
    public StoredMedia store(
            String organizationId, MediaKind kind, @Nullable String filename, String mimetype, MediaFile.Source bytes) {
        String query = "?organization_id=" + encode(organizationId) + "&kind=" + encode(wordOf(kind))
                + (filename == null ? "" : "&filename=" + encode(filename));
        HttpRequest request = request("/internal/v1/media" + query)
                .header("Content-Type", mimetype)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return bytes.open();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }))
                .build();
        return read(exchange(request), 201, Argument.of(StoredMedia.class));
    }

    @Override
    public Optional<LinkPreview> linkPreview(String url) {
        HttpRequest request = request("/internal/v1/link-preview")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(Map.of("url", url))))
                .build();
        try {
            Map<String, Object> card = read(exchange(request), 200, JSON_OBJECT);
            String thumbnail = card.get("thumbnail_base64") instanceof String text ? text : null;
            return Optional.of(new LinkPreview(
                    card.get("url") instanceof String answered ? answered : url,
                    card.get("title") instanceof String title ? title : null,
                    card.get("description") instanceof String description ? description : null,
                    thumbnail == null ? null : Base64.getDecoder().decode(thumbnail)));
        } catch (MediaRefusedException | MediaServiceUnavailableException | IllegalArgumentException e) {
            // A preview is a nicety: the text goes without it.
            LOG.info("no link preview for {}: {}", url, e.getMessage());
            return Optional.empty();
        }
    }

    private HttpRequest.Builder request(String path) {
        String base = settings.url().toString().replaceAll("/+$", "");
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(settings.timeout());
    }

    private HttpResponse<byte[]> exchange(HttpRequest request) {
        return send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(request, handler);
        } catch (IOException | UncheckedIOException e) {
            throw new MediaServiceUnavailableException(
                    request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaServiceUnavailableException("interrupted calling media-service", e);
        }
    }

    /**
     * The answer as {@code type} when its status is {@code expected}; a 4xx with media-service's error
     * envelope is a refusal, anything else a failure to answer.
     */
    private <T> T read(HttpResponse<byte[]> response, int expected, Argument<T> type) {
        int status = response.statusCode();
        String where =
                response.request().method() + " " + response.request().uri().getPath();
        if (status == expected) {
            try {
                return json.readValue(response.body(), type);
            } catch (IOException | RuntimeException e) {
                throw new MediaServiceUnavailableException(where + " answered outside the contract: " + e, e);
            }
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            Map<String, Object> error = errorOf(response.body());
            String code = error.get("code") instanceof String text ? text : codeOf(status);
            String message = error.get("message") instanceof String text ? text : where + " answered " + status;
            throw new MediaRefusedException(code, message);
        }
        throw new MediaServiceUnavailableException(where + " answered " + status);
    }

    private Map<String, Object> errorOf(byte[] body) {
        try {
            Map<String, Object> envelope = json.readValue(body, JSON_OBJECT);
            @SuppressWarnings("unchecked")
            Map<String, Object> error = envelope != null && envelope.get("error") instanceof Map<?, ?> inner
                    ? (Map<String, Object>) inner
                    : Map.of();
            return error;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    /** The documented code of a refusal that came without an envelope (a proxy in between, say). */
    private static String codeOf(int status) {
        return switch (status) {
            case 404 -> "media_not_found";
            case 413 -> "media_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "media_fetch_failed";
            default -> "validation_error";
        };
    }

    private byte[] write(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The kind as media-service spells it: image, video, audio, voice_note, document, sticker. */
    private static String wordOf(MediaKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
