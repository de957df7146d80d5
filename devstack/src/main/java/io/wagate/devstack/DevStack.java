package io.wagate.devstack;

import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.Ports;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * The whole gateway on one machine: Kafka, PostgreSQL, Redis and S3 (from {@code WAGATE_*} env vars
 * or embedded), api-, session-, webhook- and media-service each as a process of its own with the
 * WhatsApp simulator, one public base URL in front, and a receiver that prints the webhooks it gets.
 */
public final class DevStack implements AutoCloseable {

    /**
     * What to run; {@code receiverPort} 0 runs no receiver. {@code extraProperties} may name the
     * media URL-signing key and media-service's {@code wagate.s3.*}; without {@code wagate.s3.endpoint}
     * an S3 endpoint is embedded, without a key one is made for this run.
     */
    public record Settings(
            Path home,
            String publicHost,
            int publicPort,
            int receiverPort,
            String adminKey,
            String authStateKey,
            String topicPrefix,
            Map<Service, Map<String, String>> extraProperties) {

        public static Settings fromEnvironment(Map<String, String> env) throws IOException {
            Path home = Path.of(System.getProperty("wagate.home", ".")).toAbsolutePath();
            return new Settings(
                    home,
                    env.getOrDefault("WAGATE_HOST", "127.0.0.1"),
                    Integer.parseInt(env.getOrDefault("WAGATE_PORT", "8080")),
                    Integer.parseInt(env.getOrDefault("WAGATE_RECEIVER_PORT", "8090")),
                    env.getOrDefault("WAGATE_ADMIN_KEY", newAdminKey()),
                    env.getOrDefault("WAGATE_AUTH_STATE_KEY", keptAuthStateKey(home)),
                    "",
                    Map.of(Service.MEDIA, mediaSettings(env, home)));
        }

        /** The URL-signing key (env, else kept per checkout) and any {@code WAGATE_S3_*} of yours. */
        private static Map<String, String> mediaSettings(Map<String, String> env, Path home) throws IOException {
            Map<String, String> media = new HashMap<>();
            media.put(URL_SIGNING_KEY, env.getOrDefault("WAGATE_MEDIA_URL_SIGNING_KEY", keptUrlSigningKey(home)));
            if (env.containsKey("WAGATE_S3_ENDPOINT")) {
                S3_SETTINGS.forEach((variable, property) -> {
                    if (env.containsKey(variable)) {
                        media.put(property, env.get(variable));
                    }
                });
            }
            return media;
        }

        /** One key per checkout, so links in webhooks sent before a restart still open after it. */
        private static String keptUrlSigningKey(Path home) throws IOException {
            return kept(home.resolve(".devstack/media-url-signing-key"), DevStack::newUrlSigningKey);
        }

        /** One key per checkout, so credentials kept in your own PostgreSQL still open after a restart. */
        private static String keptAuthStateKey(Path home) throws IOException {
            return kept(home.resolve(".devstack/auth-state-key"), DevStack::newAuthStateKey);
        }

        private static String kept(Path file, Supplier<String> newValue) throws IOException {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, newValue.get() + System.lineSeparator());
            }
            return Files.readString(file).strip();
        }
    }

    static final String URL_SIGNING_KEY = "wagate.media.url-signing-key";

    /** Your own S3-compatible store, passed on to media-service as {@code wagate.s3.*}. */
    private static final Map<String, String> S3_SETTINGS = Map.of(
            "WAGATE_S3_ENDPOINT", "wagate.s3.endpoint",
            "WAGATE_S3_REGION", "wagate.s3.region",
            "WAGATE_S3_BUCKET", "wagate.s3.bucket",
            "WAGATE_S3_ACCESS_KEY_ID", "wagate.s3.access-key-id",
            "WAGATE_S3_SECRET_ACCESS_KEY", "wagate.s3.secret-access-key",
            "WAGATE_S3_FORCE_PATH_STYLE", "wagate.s3.force-path-style",
            "WAGATE_S3_CREATE_BUCKET", "wagate.s3.create-bucket");

    private final Settings settings;
    private final Map<Service, Map<String, String>> properties = new EnumMap<>(Service.class);
    private final Map<Service, ServiceProcess> processes = new EnumMap<>(Service.class);
    /** Services whose port must not change: the others are told it before they start. */
    private final Map<Service, Integer> fixedPorts = new EnumMap<>(Service.class);

    private final PrintStream out;
    private EdgeProxy edge;
    private PrintingReceiver receiver;
    private EmbeddedS3 s3;

    private DevStack(Settings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    public static DevStack start(Settings settings, Infrastructure infra, String jdbcUrl, PrintStream out) {
        var stack = new DevStack(settings, out);
        try {
            stack.startAll(infra, jdbcUrl);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Infrastructure infra, String jdbcUrl) {
        Map<String, String> common = new HashMap<>();
        infra.serviceProperties(jdbcUrl, settings.topicPrefix())
                .forEach((key, value) -> common.put(key, String.valueOf(value)));
        // The edge first: every service is told the public base URL (signed media links use it).
        edge = EdgeProxy.start(settings.publicHost(), settings.publicPort(), this::port);
        common.put("wagate.public-base-url", baseUrl());
        fixedPorts.put(Service.MEDIA, Ports.free());
        common.put("wagate.media-service.url", "http://127.0.0.1:" + fixedPorts.get(Service.MEDIA));
        Map<String, String> media = settings.extraProperties().getOrDefault(Service.MEDIA, Map.of());
        common.put(URL_SIGNING_KEY, media.getOrDefault(URL_SIGNING_KEY, newUrlSigningKey()));
        for (Service service : Service.values()) {
            Map<String, String> own = new HashMap<>(common);
            own.putAll(settings.extraProperties().getOrDefault(service, Map.of()));
            properties.put(service, own);
        }
        properties.get(Service.API).put("wagate.bootstrap.admin-key", settings.adminKey());
        properties.get(Service.SESSION).put("wagate.session.auth-state.keys", settings.authStateKey());
        if (!media.containsKey("wagate.s3.endpoint")) {
            s3 = EmbeddedS3.start();
            properties.get(Service.MEDIA).putAll(s3.mediaServiceProperties());
        }
        if (settings.receiverPort() > 0) {
            receiver = PrintingReceiver.start(settings.receiverPort(), out);
        }
        // session-service first: it creates the contract's topics with their partition count.
        start(Service.SESSION);
        start(Service.API);
        String apiService = "http://127.0.0.1:" + port(Service.API);
        properties.get(Service.MEDIA).put("wagate.api-service.url", apiService);
        start(Service.MEDIA);
        properties.get(Service.WEBHOOK).put("wagate.api-service.url", apiService);
        properties.get(Service.WEBHOOK).putIfAbsent("wagate.webhooks.allowed-hosts", "127.0.0.1,localhost");
        start(Service.WEBHOOK);
    }

    /** Starts a service (again) and waits until it answers its health check. */
    public void start(Service service) {
        int port = fixedPorts.getOrDefault(service, Ports.free());
        var process = ServiceProcess.start(settings.home(), service, port, properties.get(service), out);
        processes.put(service, process);
        process.awaitReady();
    }

    /** Kills a service without a clean close, as a crash would. */
    public void kill(Service service) {
        ServiceProcess process = processes.remove(service);
        if (process != null) {
            process.kill();
        }
    }

    /** The port a running service listens on, or -1 while it is not running. */
    private int port(Service service) {
        ServiceProcess process = processes.get(service);
        return process == null ? -1 : process.port();
    }

    public String baseUrl() {
        return "http://" + settings.publicHost() + ":" + edge.port();
    }

    public String adminKey() {
        return settings.adminKey();
    }

    public String receiverUrl() {
        return receiver == null ? null : receiver.url();
    }

    @Override
    public void close() {
        if (edge != null) {
            edge.close();
        }
        processes.values().forEach(ServiceProcess::close);
        processes.clear();
        if (s3 != null) {
            s3.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    /** An AES-256 key for session credentials at rest, as {@code <key id>:<base64>}. */
    public static String newAuthStateKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "devstack:" + Base64.getEncoder().encodeToString(bytes);
    }

    /** The HMAC key of signed media links, shared by webhook-service (signs) and media-service (checks). */
    static String newUrlSigningKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    public static String newAdminKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return "wag_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        Map<String, String> env = System.getenv();
        var settings = Settings.fromEnvironment(env);
        var infra = Infrastructure.startWithoutContainers(env);
        DevStack stack;
        try {
            stack = start(settings, infra, infra.postgres().createDatabase("wagate"), System.out);
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
        Path keyFile = settings.home().resolve(".devstack/admin-key");
        Files.createDirectories(keyFile.getParent());
        Files.writeString(keyFile, stack.adminKey() + System.lineSeparator());
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping wagate...");
            stack.close();
            infra.close();
            stopped.countDown();
        }));
        System.out.printf("""

                wagate is up.
                  Base URL:   %s
                  Admin key:  %s   (also in .devstack/admin-key)
                  Receiver:   %s  (prints every webhook it gets)
                Ctrl-C stops everything.

                """, stack.baseUrl(), stack.adminKey(), stack.receiverUrl());
        stopped.await();
    }
}
