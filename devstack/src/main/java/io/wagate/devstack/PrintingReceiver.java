package io.wagate.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** A webhook receiver for the walkthrough: prints every delivery it gets, headers and body. */
final class PrintingReceiver implements AutoCloseable {

    private final HttpServer server;
    private final PrintStream out;

    private PrintingReceiver(HttpServer server, PrintStream out) {
        this.server = server;
        this.out = out;
    }

    static PrintingReceiver start(int port, PrintStream out) {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            var receiver = new PrintingReceiver(server, out);
            server.createContext("/", receiver::receive);
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            out.printf(
                    "receiver        | %s %s%n                | webhook-id: %s%n                | webhook-timestamp: %s%n"
                            + "                | webhook-signature: %s%n                | %s%n",
                    exchange.getRequestMethod(),
                    exchange.getRequestURI(),
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    body);
            exchange.sendResponseHeaders(204, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
