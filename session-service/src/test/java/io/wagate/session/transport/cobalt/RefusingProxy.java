package io.wagate.session.transport.cobalt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local HTTP proxy that refuses every tunnel and remembers where each one was meant to go, so
 * the Cobalt adapter can be driven without a byte leaving the machine.
 */
final class RefusingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    RefusingProxy() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("refusing-proxy").start(this::serve);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The request lines received, such as {@code CONNECT web.whatsapp.com:443 HTTP/1.1}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket client = server.accept()) {
                var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                String line = in.readLine();
                if (line != null) {
                    requests.add(line);
                }
                client.getOutputStream()
                        .write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed, or a client gave up: keep refusing the next one
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
