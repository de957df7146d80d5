package io.wagate.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A web server on one loopback address that serves files, pages and redirects and counts every
 * request: the media a test sends by URL, or a trap that must never be fetched.
 */
final class FileServer implements AutoCloseable {

    private record Response(int status, String contentType, byte[] body, String location) {}

    private final HttpServer server;
    private final String authority;
    private final Map<String, Response> responses = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestsByPath = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();

    private FileServer(HttpServer server, String authority) {
        this.server = server;
        this.authority = authority;
    }

    /** Listens on {@code address} (127.0.0.2, 127.0.0.1, ::1...) at a free port. */
    static FileServer start(String address) {
        try {
            InetAddress host = InetAddress.getByName(address);
            var server = HttpServer.create(new InetSocketAddress(host, 0), 32);
            String literal = host instanceof Inet6Address ? "[" + address + "]" : address;
            var files =
                    new FileServer(server, literal + ":" + server.getAddress().getPort());
            server.createContext("/", files::handle);
            server.start();
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves {@code bytes} at {@code path}; returns its URL. */
    String serve(String path, String contentType, byte[] bytes) {
        responses.put(path, new Response(200, contentType, bytes, null));
        return url(path);
    }

    String page(String path, String html) {
        return serve(path, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Answers {@code path} with a 302 to {@code location}; returns its URL. */
    String redirect(String path, String location) {
        responses.put(path, new Response(302, null, new byte[0], location));
        return url(path);
    }

    String url(String path) {
        return "http://" + authority + path;
    }

    int port() {
        return server.getAddress().getPort();
    }

    int requests() {
        return requests.get();
    }

    int requests(String path) {
        AtomicInteger count = requestsByPath.get(path);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            requests.incrementAndGet();
            requestsByPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Response response = responses.getOrDefault(path, new Response(404, null, new byte[0], null));
            if (response.location() != null) {
                exchange.getResponseHeaders().set("Location", response.location());
            }
            if (response.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", response.contentType());
            }
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
