package io.wagate.session.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A contract stub of media-service's internal endpoints, answering as docs/architecture.md and
 * common.md define them, so session-service's tests need no second service (media-service is an
 * application of its own: its beans cannot share this test's classpath). media-service's own tests
 * hold the real one to the same contract.
 *
 * <ul>
 *   <li>{@code POST /internal/v1/media/prepare} → 200 {@code {id, kind, mimetype, size, sha256, filename}},
 *       or the envelope: 400 validation_error / url_not_allowed, 404 media_not_found, 413
 *       media_too_large, 415 unsupported_media_type, 422 media_fetch_failed
 *   <li>{@code GET /internal/v1/media/{id}/content?organization_id=} → the bytes
 *   <li>{@code POST /internal/v1/media?organization_id=&kind=&filename=} raw body → 201 as prepare,
 *       or 413 media_too_large past the inbound limit ({@link #limitsInboundTo})
 *   <li>{@code POST /internal/v1/link-preview {"url"}} → 200 {@code {url, title, description,
 *       thumbnail_base64}} or 422 preview_unavailable
 * </ul>
 *
 * Unlike media-service it converts nothing: a voice note must already be Ogg/Opus and a sticker
 * WebP, else it answers 415. "Fetching" a URL means serving what the test registered for it.
 */
public final class MediaServiceContractStub implements AutoCloseable {

    private static final ObjectMapper JSON = ObjectMapper.getDefault();
    private static final Map<String, Set<String>> FORMATS = Map.of(
            "image", Set.of("image/jpeg", "image/png", "image/webp"),
            "video", Set.of("video/mp4", "video/3gpp"),
            "audio", Set.of("audio/mpeg", "audio/ogg", "audio/aac", "audio/amr", "audio/mp4", "audio/opus"),
            "voice_note", Set.of("audio/ogg", "audio/opus"),
            "sticker", Set.of("image/webp"));
    private static final Map<String, Long> LIMITS = Map.of(
            "image", 5L << 20, "video", 16L << 20, "audio", 16L << 20, "voice_note", 16L << 20, "sticker", 1L << 20);

    /** Media as the stub keeps it. */
    public record Stored(
            String organizationId,
            String kind,
            String mimetype,
            byte[] bytes,
            @Nullable String filename) {}

    private record Fetchable(String mimetype, byte[] bytes, int failStatus, String failCode) {}

    private final HttpServer server;
    private final Map<String, Stored> media = new ConcurrentHashMap<>();
    private final Map<String, Fetchable> urls = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> previews = new ConcurrentHashMap<>();
    private final List<String> inbound = new CopyOnWriteArrayList<>();
    private final List<String> prepared = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile long inboundLimit = Long.MAX_VALUE;

    private MediaServiceContractStub(HttpServer server) {
        this.server = server;
    }

    public static MediaServiceContractStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            var stub = new MediaServiceContractStub(server);
            server.createContext("/internal/v1/media", stub::media);
            server.createContext("/internal/v1/link-preview", stub::preview);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return stub;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** An upload, as {@code POST /v1/media} makes one; returns its id. */
    public String upload(String organizationId, String mimetype, byte[] bytes, String filename) {
        String id = newId();
        media.put(id, new Stored(organizationId, null, mimetype, bytes, filename));
        return id;
    }

    /** What fetching {@code url} gets. */
    public MediaServiceContractStub serves(String url, String mimetype, byte[] bytes) {
        urls.put(url, new Fetchable(mimetype, bytes, 0, null));
        return this;
    }

    /** Fetching {@code url} fails with this status and code. */
    public MediaServiceContractStub refuses(String url, int status, String code) {
        urls.put(url, new Fetchable(null, null, status, code));
        return this;
    }

    public MediaServiceContractStub previews(String url, String title, String description, byte[] thumbnail) {
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("url", url);
        card.put("title", title);
        card.put("description", description);
        card.put(
                "thumbnail_base64",
                thumbnail == null ? null : Base64.getEncoder().encodeToString(thumbnail));
        previews.put(url, card);
        return this;
    }

    /** Inbound media larger than {@code bytes} is refused, as media-service's {@code wagate.media.limits.inbound}. */
    public MediaServiceContractStub limitsInboundTo(long bytes) {
        inboundLimit = bytes;
        return this;
    }

    public @Nullable Stored stored(String id) {
        return media.get(id);
    }

    /** Ids of media stored from inbound messages, oldest first. */
    public List<String> inboundIds() {
        return List.copyOf(inbound);
    }

    /** Ids of media prepared for sends, oldest first. */
    public List<String> preparedIds() {
        return List.copyOf(prepared);
    }

    private void media(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI());
            String method = exchange.getRequestMethod();
            if (method.equals("POST") && path.equals("/internal/v1/media/prepare")) {
                prepare(exchange);
            } else if (method.equals("GET") && path.matches("/internal/v1/media/[^/]+/content")) {
                String id = path.split("/")[4];
                Stored stored = media.get(id);
                if (stored == null || !stored.organizationId().equals(query.get("organization_id"))) {
                    error(exchange, 404, "media_not_found", "no media " + id);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", stored.mimetype());
                exchange.sendResponseHeaders(200, stored.bytes().length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(stored.bytes());
                }
            } else if (method.equals("POST") && path.equals("/internal/v1/media")) {
                String organization = query.get("organization_id");
                String kind = query.get("kind");
                if (organization == null || !FORMATS.containsKey(kind) && !"document".equals(kind)) {
                    error(exchange, 400, "validation_error", "organization_id and kind are required");
                    return;
                }
                byte[] bytes;
                try (InputStream in = exchange.getRequestBody()) {
                    bytes = in.readAllBytes();
                }
                if (bytes.length > inboundLimit) {
                    error(
                            exchange,
                            413,
                            "media_too_large",
                            "the inbound media is larger than the limit of " + inboundLimit + " bytes");
                    return;
                }
                String mimetype = exchange.getRequestHeaders().getFirst("Content-Type");
                String id = newId();
                media.put(id, new Stored(organization, kind, mimetype, bytes, query.get("filename")));
                inbound.add(id);
                json(exchange, 201, describe(id, media.get(id)));
            } else {
                error(exchange, 404, "not_found", "no route " + method + " " + path);
            }
        }
    }

    private void prepare(HttpExchange exchange) throws IOException {
        Map<String, Object> request =
                JSON.readValue(exchange.getRequestBody().readAllBytes(), Argument.mapOf(String.class, Object.class));
        String organization = (String) request.get("organization_id");
        String kind = (String) request.get("kind");
        String mediaId = (String) request.get("media_id");
        String url = (String) request.get("url");
        if (organization == null || kind == null || !FORMATS.containsKey(kind) && !kind.equals("document")) {
            error(exchange, 400, "validation_error", "organization_id and a known kind are required");
            return;
        }
        if ((mediaId == null) == (url == null)) {
            error(exchange, 400, "validation_error", "exactly one of media_id, url or base64");
            return;
        }
        String mimetype;
        byte[] bytes;
        String filename = (String) request.get("filename");
        if (mediaId != null) {
            Stored upload = media.get(mediaId);
            if (upload == null || !upload.organizationId().equals(organization)) {
                error(exchange, 404, "media_not_found", "no media " + mediaId);
                return;
            }
            mimetype = upload.mimetype();
            bytes = upload.bytes();
            filename = filename != null ? filename : upload.filename();
        } else {
            Fetchable fetched = urls.get(url);
            if (url.startsWith("http://127.") || url.startsWith("http://localhost")) {
                error(exchange, 400, "url_not_allowed", url + " is not a public address");
                return;
            }
            if (fetched == null) {
                error(exchange, 422, "media_fetch_failed", url + " could not be fetched");
                return;
            }
            if (fetched.failStatus() != 0) {
                error(exchange, fetched.failStatus(), fetched.failCode(), url + ": " + fetched.failCode());
                return;
            }
            mimetype = fetched.mimetype();
            bytes = fetched.bytes();
        }
        Set<String> formats = FORMATS.get(kind);
        if (formats != null && !formats.contains(mimetype.toLowerCase(Locale.ROOT))) {
            error(exchange, 415, "unsupported_media_type", mimetype + " is not a " + kind);
            return;
        }
        if (bytes.length > LIMITS.getOrDefault(kind, 100L << 20)) {
            error(exchange, 413, "media_too_large", "a " + kind + " has at most " + LIMITS.get(kind) + " bytes");
            return;
        }
        String id = newId();
        media.put(id, new Stored(organization, kind, mimetype, bytes, filename));
        prepared.add(id);
        json(exchange, 200, describe(id, media.get(id)));
    }

    private void preview(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, Object> request = JSON.readValue(
                    exchange.getRequestBody().readAllBytes(), Argument.mapOf(String.class, Object.class));
            Map<String, Object> card = previews.get(String.valueOf(request.get("url")));
            if (card == null) {
                error(exchange, 422, "preview_unavailable", "no Open Graph card at " + request.get("url"));
                return;
            }
            json(exchange, 200, card);
        }
    }

    private static Map<String, Object> describe(String id, Stored stored) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("kind", stored.kind());
        body.put("mimetype", stored.mimetype());
        body.put("size", stored.bytes().length);
        body.put("sha256", sha256(stored.bytes()));
        body.put("filename", stored.filename());
        return body;
    }

    private String newId() {
        return "med_STUB" + String.format("%018d", ids.incrementAndGet());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
        json(exchange, status, Map.of("error", Map.of("code", code, "message", message, "details", Map.of())));
    }

    private static void json(HttpExchange exchange, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
