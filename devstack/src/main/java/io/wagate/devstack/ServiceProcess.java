package io.wagate.devstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service running as a JVM process of its own, its output prefixed with its name. */
final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Service service;
    private final int port;
    private final Process process;

    private ServiceProcess(Service service, int port, Process process) {
        this.service = service;
        this.port = port;
        this.process = process;
    }

    static ServiceProcess start(Path home, Service service, int port, Map<String, String> properties, PrintStream out) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "--enable-native-access=ALL-UNNAMED"));
        command.add("-Dmicronaut.server.port=" + port);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", classpath(home, service), service.mainClass()));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            // A platform thread: a blocking pipe read would pin one of the few virtual-thread carriers.
            Thread.ofPlatform().daemon().name(service.module() + "-output").start(() -> pipe(process, service, out));
            return new ServiceProcess(service, port, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + service.module(), e);
        }
    }

    private static String classpath(Path home, Service service) {
        Path target = home.resolve(service.module()).resolve("target");
        Path dependencies = target.resolve("classpath.txt");
        if (!Files.exists(dependencies)) {
            throw new IllegalStateException(dependencies + " is missing: build first (./wagate run does)");
        }
        try {
            return target.resolve("classes")
                    + java.io.File.pathSeparator
                    + Files.readString(dependencies).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pipe(Process process, Service service, PrintStream out) {
        String prefix = String.format("%-16s| ", service.module());
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                out.println(prefix + line);
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    /** Waits until the service's health endpoint answers 200. */
    void awaitReady() {
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2))
                .build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(service.module() + " exited with " + process.exitValue());
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(service.module() + " was not ready within " + READY_TIMEOUT);
    }

    Service service() {
        return service;
    }

    int port() {
        return port;
    }

    /** Ends the process the way a crash or an OOM kill would: no shutdown hooks, no clean close. */
    void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** Asks the process to stop (SIGTERM) and gives it time to close cleanly. */
    @Override
    public void close() {
        process.destroy();
        if (!waitFor(Duration.ofSeconds(20))) {
            kill();
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
