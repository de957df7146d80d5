package io.wagate.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A contract stub of media-service's {@code POST /internal/v1/media/prepare}, answering as the shared
 * design defines it: 200 {@code {"id","kind","mimetype","size","sha256","filename"}} with a new
 * {@code med_} id for a url or base64, the same id for a known upload; 404 {@code media_not_found}
 * for an unknown upload; and any refusal a test asks for, in the error envelope.
 */
public final class MediaServiceContractStub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KINDS = Set.of("image", "video", "audio", "voice_note", "document", "sticker");

    private final HttpServer server;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Refusal> refusals = new ConcurrentHashMap<>();
    private final Set<String> uploads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger ids = new AtomicInteger();

    /** The envelope media-service answers with, for a url, base64 or media id that a test names. */
    public record Refusal(int status, String code, String message) {}

    public MediaServiceContractStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/v1/media/prepare", this::prepare);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public MediaServiceContractStub knowsUpload(String mediaId) {
        uploads.add(mediaId);
        return this;
    }

    /** Refuses the media whose url, base64 data or id is {@code source}. */
    public MediaServiceContractStub refuses(String source, Refusal refusal) {
        refusals.put(source, refusal);
        return this;
    }

    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    private void prepare(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request = JSON.readTree(exchange.getRequestBody());
            requests.add(request);
            String kind = request.path("kind").asText();
            String source = source(request);
            if (!KINDS.contains(kind)
                    || request.path("organization_id").asText().isEmpty()
                    || source == null) {
                answer(exchange, 400, error("validation_error", "kind, organization_id and one source are required"));
                return;
            }
            Refusal refusal = refusals.get(source);
            if (refusal != null) {
                answer(exchange, refusal.status(), error(refusal.code(), refusal.message()));
                return;
            }
            String id;
            if (request.hasNonNull("media_id")) {
                if (!uploads.contains(source)) {
                    answer(exchange, 404, error("media_not_found", "no such media"));
                    return;
                }
                id = source;
            } else {
                id = "med_01JSTUBPREPARED" + String.format("%010d", ids.incrementAndGet());
            }
            String mimetype =
                    switch (kind) {
                        case "image" -> "image/jpeg";
                        case "video" -> "video/mp4";
                        case "audio" -> "audio/mpeg";
                        case "voice_note" -> "audio/ogg; codecs=opus";
                        case "sticker" -> "image/webp";
                        default -> "application/pdf";
                    };
            String filename =
                    request.hasNonNull("filename") ? request.get("filename").asText() : null;
            var body = new java.util.LinkedHashMap<String, Object>();
            body.put("id", id);
            body.put("kind", kind);
            body.put("mimetype", mimetype);
            body.put("size", 2048);
            body.put("sha256", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
            body.put("filename", filename);
            answer(exchange, 200, body);
        }
    }

    private static String source(JsonNode request) {
        for (String field : List.of("media_id", "url", "base64")) {
            if (request.hasNonNull(field)) {
                return request.get(field).asText();
            }
        }
        return null;
    }

    private static Map<String, Object> error(String code, String message) {
        return Map.of("error", Map.of("code", code, "message", message, "details", Map.of()));
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
