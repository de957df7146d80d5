package io.wagate.media.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local web server the tests put files, pages and redirects on. It listens on {@value #HOST}, a
 * loopback address of its own, so a test can allow it in the SSRF guard while 127.0.0.1 stays refused.
 */
public final class FileServer implements AutoCloseable {

    public static final String HOST = "127.0.0.2";

    private final HttpServer server;
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private FileServer(HttpServer server) {
        this.server = server;
    }

    public static FileServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(HOST, 0), 32);
            FileServer files = new FileServer(server);
            server.createContext("/", files::handle);
            server.start();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code bytes} at {@code path}; returns its URL. */
    public String serve(String path, String contentType, byte[] bytes) {
        responses.put(path, new Response(200, contentType, bytes, null));
        return url(path);
    }

    public String page(String path, String html) {
        return serve(path, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code path} with a 302 to {@code location}; returns its URL. */
    public String redirect(String path, String location) {
        responses.put(path, new Response(302, null, new byte[0], location));
        return url(path);
    }

    public String url(String path) {
        return "http://" + HOST + ":" + server.getAddress().getPort() + path;
    }

    public URI baseUrl() {
        return URI.create(url(""));
    }

    public int requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            Response response = responses.get(exchange.getRequestURI().getPath());
            if (response == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (response.location() != null) {
                exchange.getResponseHeaders().set("location", response.location());
            }
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("content-type", response.contentType());
            }
            exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
            exchange.getResponseBody().write(response.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private record Response(int status, String contentType, byte[] body, String location) {}
}
