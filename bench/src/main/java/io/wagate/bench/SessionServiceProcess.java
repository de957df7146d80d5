package io.wagate.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

/**
 * One session-service instance as a JVM process of its own, started the way it is deployed (its
 * own main class, its runtime classpath from {@code session-service/target/classpath.txt}), so it can
 * be killed like a crashed pod and its heap measured without the broker's or the database's.
 */
final class SessionServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;

    private SessionServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * @param heap the -Xmx of the process
     * @param properties Micronaut properties, passed as system properties
     * @param echo whether the process's output is shown (prefixed with its name)
     */
    static SessionServiceProcess start(String name, String heap, Map<String, Object> properties, boolean echo) {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(List.of("-Xmx" + heap, "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED"));
        command.add("-Dmicronaut.server.port=" + port);
        command.add("-Dwagate.kafka.client-id=" + name);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", classpath(), "io.wagate.session.SessionApplication"));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            // A platform thread: a blocking pipe read would pin one of the few virtual-thread carriers.
            Thread.ofPlatform().daemon().name(name + "-output").start(() -> pipe(process, name, echo));
            return new SessionServiceProcess(name, port, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Waits until the instance has joined the consumer group and been given its partitions. */
    void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            try {
                if (get("/health/readiness").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(name + " was not ready within " + READY_TIMEOUT);
    }

    /** Forces a full collection, then reads the heap in use and the live platform threads. */
    Footprint footprint() {
        try {
            // Twice: what the first collection finalizes or frees lazily is gone after the second.
            jcmd("GC.run");
            jcmd("GC.run");
            String metrics = get("/prometheus").body();
            return new Footprint(sum(metrics, "jvm_memory_used_bytes{", "area=\"heap\""), (long)
                    sum(metrics, "jvm_threads_live_threads{", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live objects of each class after a full collection: {@code jcmd GC.class_histogram}. */
    Map<String, long[]> histogram() {
        Map<String, long[]> classes = new java.util.HashMap<>();
        for (String line : jcmd("GC.class_histogram").lines().toList()) {
            String[] columns = line.strip().split("\\s+");
            if (columns.length >= 4 && columns[0].endsWith(":")) {
                classes.put(columns[3], new long[] {Long.parseLong(columns[1]), Long.parseLong(columns[2])});
            }
        }
        return classes;
    }

    private String jcmd(String command) {
        try {
            Process jcmd = new ProcessBuilder(jcmd(), Long.toString(pid()), command)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(120, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + command + " failed for " + name + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Heap in use after a full collection, and the platform threads alive (virtual ones are not counted). */
    record Footprint(double heapUsedBytes, long platformThreads) {}

    /** Ends the process the way a crash or an OOM kill does: SIGKILL, no shutdown hooks, no clean close. */
    void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** Asks the process to stop (SIGTERM) and gives it time to close cleanly. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(Duration.ofSeconds(30))) {
            kill();
        }
    }

    private HttpResponse<String> get(String path) throws IOException {
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** Sums a Prometheus metric's samples whose labels contain {@code label}. */
    private static double sum(String metrics, String metric, String label) {
        return metrics.lines()
                .filter(line -> line.startsWith(metric) && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** session-service's classes and runtime dependencies, as its build writes them. */
    private static String classpath() {
        Path target = Path.of(System.getProperty("bench.session-service.target", "session-service/target"));
        Path dependencies = target.resolve("classpath.txt");
        if (!Files.exists(dependencies)) {
            throw new IllegalStateException(dependencies.toAbsolutePath()
                    + " is missing: build first (./mvnw -pl bench -am package -Dmaven.test.skip=true, from the"
                    + " repository's root)");
        }
        try {
            return target.resolve("classes")
                    + java.io.File.pathSeparator
                    + Files.readString(dependencies).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pipe(Process process, String name, boolean echo) {
        String prefix = String.format("%-10s| ", name);
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (echo) {
                    System.out.println(prefix + line);
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String jcmd() {
        Path java = Path.of(java());
        Path jcmd = java.resolveSibling("jcmd");
        return Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
