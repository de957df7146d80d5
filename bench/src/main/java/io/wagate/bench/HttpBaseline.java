package io.wagate.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * The floor for an HTTP send: a bare JDK server answering 202 to the same JSON body, driven by the
 * same generator and client as the gateway. What the gateway adds on top is its own cost.
 */
final class HttpBaseline implements AutoCloseable {

    private static final byte[] ACCEPTED =
            "{\"message_id\":\"msg_baseline\",\"status\":\"queued\"}".getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;
    private final HttpClient client;

    HttpBaseline(HttpClient client) throws IOException {
        this.client = client;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
        server.createContext("/v1/", exchange -> {
            try (exchange;
                    InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(202, ACCEPTED.length);
                exchange.getResponseBody().write(ACCEPTED);
            }
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** p50 and p99 in milliseconds of POSTing {@code body} {@code rate} times a second. */
    double[] measure(int rate, Duration duration, String body) throws InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/messages");
        var latencies = new LatencyRecorder((int) (rate * duration.toSeconds()));
        LoadGenerator.run(rate, duration, n -> {
            long started = System.nanoTime();
            try {
                client.send(
                        HttpRequest.newBuilder(uri)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                latencies.record(System.nanoTime() - started);
            } catch (IOException e) {
                // a failed request is simply not counted; the baseline server does not fail under this load
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return new double[] {latencies.percentileMillis(0.50), latencies.percentileMillis(0.99)};
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
