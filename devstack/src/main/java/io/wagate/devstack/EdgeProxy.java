package io.wagate.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * The one public base URL: routes {@code /v1/webhooks} and {@code /v1/events} to webhook-service,
 * {@code /v1/media} to media-service and every other {@code /v1} path to api-service, as the Helm
 * chart's ingress does. Internal paths are not routed.
 */
final class EdgeProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of(
            "connection",
            "content-length",
            "expect",
            "host",
            "upgrade",
            "keep-alive",
            "transfer-encoding",
            "te",
            "trailer",
            "proxy-authorization",
            "proxy-authenticate");

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    /** Where a service listens now, or -1 while it is not running. */
    private final ToIntFunction<Service> ports;

    private EdgeProxy(HttpServer server, ToIntFunction<Service> ports) {
        this.server = server;
        this.ports = ports;
    }

    static EdgeProxy start(String host, int port, ToIntFunction<Service> ports) {
        try {
            var server = HttpServer.create(new InetSocketAddress(host, port), 128);
            var proxy = new EdgeProxy(server, ports);
            server.createContext("/", proxy::forward);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/internal/")) {
                reply(
                        exchange,
                        404,
                        "{\"error\":{\"code\":\"not_found\",\"message\":\"no such route\",\"details\":{}}}");
                return;
            }
            int target = ports.applyAsInt(serviceFor(path));
            try {
                if (target <= 0) {
                    throw new IOException("not running");
                }
                relay(exchange, target);
            } catch (IOException e) {
                reply(
                        exchange,
                        503,
                        "{\"error\":{\"code\":\"unavailable\",\"message\":\"the service behind this path"
                                + " is not answering\",\"details\":{}}}");
            }
        }
    }

    static Service serviceFor(String path) {
        if (path.startsWith("/v1/webhooks") || path.startsWith("/v1/events")) {
            return Service.WEBHOOK;
        }
        if (path.equals("/v1/media") || path.startsWith("/v1/media/")) {
            return Service.MEDIA;
        }
        return Service.API;
    }

    private void relay(HttpExchange exchange, int targetPort) throws IOException {
        URI uri = URI.create(
                "http://127.0.0.1:" + targetPort + exchange.getRequestURI().toString());
        var request = HttpRequest.newBuilder(uri)
                .method(
                        exchange.getRequestMethod(),
                        HttpRequest.BodyPublishers.ofInputStream(exchange::getRequestBody));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
            }
        });
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        response.headers().map().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        long length = response.headers().firstValueAsLong("content-length").orElse(0);
        boolean noBody = response.statusCode() == 204 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : (length > 0 ? length : 0));
        try (InputStream body = response.body();
                OutputStream out = exchange.getResponseBody()) {
            if (!noBody) {
                // Flushed as it arrives, so an event stream's events and heartbeats are not held back.
                byte[] buffer = new byte[8192];
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            }
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
