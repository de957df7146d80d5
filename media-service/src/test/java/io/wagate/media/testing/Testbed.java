package io.wagate.media.testing;

import io.wagate.testsupport.Infrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A running media-service and what an integration test drives it with: a contract stub of
 * api-service for API keys, a local file server (allowed by the SSRF guard; 127.0.0.1 is not), a
 * database and a bucket of its own. Limits are small so each can be crossed cheaply: see {@link #LIMITS}.
 */
public record Testbed(ApiServiceContractStub apiService, FileServer files, RunningMediaService service, Path workDir)
        implements AutoCloseable {

    /** The URL-signing key webhook-service would share with the service. */
    public static final byte[] SIGNING_KEY = "0123456789abcdef0123456789abcdef".getBytes();

    public static final Map<String, Long> LIMITS = Map.of(
            "image", 64L * 1024,
            "video", 80L * 1024,
            "audio", 96L * 1024,
            "voice_note", 112L * 1024,
            "document", 128L * 1024,
            "sticker", 72L * 1024,
            "upload", 256L * 1024,
            "inbound", 200L * 1024);

    private static Testbed shared;

    /**
     * One testbed with the default settings for every test class of the JVM that changes none of
     * them: each test makes its own organization and serves its files under paths of its own.
     */
    public static synchronized Testbed shared() {
        if (shared == null) {
            shared = start(Infrastructure.shared(), Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "media-testbed-stop"));
        }
        return shared;
    }

    public static Testbed start(Infrastructure infrastructure, Map<String, Object> settings) {
        return start(infrastructure, settings, true);
    }

    /** @param smallLimits false: the service's own default limits */
    public static Testbed start(Infrastructure infrastructure, Map<String, Object> settings, boolean smallLimits) {
        ApiServiceContractStub apiService = ApiServiceContractStub.start();
        FileServer files = FileServer.start();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("wagate-media-work");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("datasources.default.url", infrastructure.postgres().newDatabase());
        properties.put("datasources.default.username", infrastructure.postgres().user());
        properties.put("datasources.default.password", infrastructure.postgres().password());
        properties.put("wagate.api-service.url", apiService.baseUrl().toString());
        properties.put("wagate.s3.endpoint", S3Server.shared().endpoint());
        properties.put("wagate.s3.access-key-id", S3Server.ACCESS_KEY);
        properties.put("wagate.s3.secret-access-key", S3Server.SECRET_KEY);
        properties.put("wagate.s3.force-path-style", true);
        properties.put("wagate.s3.create-bucket", true);
        properties.put(
                "wagate.s3.bucket", "media-" + UUID.randomUUID().toString().substring(0, 8));
        properties.put("wagate.media.allowed-hosts", FileServer.HOST);
        properties.put("wagate.media.url-signing-key", Base64.getEncoder().encodeToString(SIGNING_KEY));
        properties.put("wagate.media.work-dir", workDir.toString());
        properties.put("wagate.media.fetch.total-timeout", "10s");
        if (smallLimits) {
            LIMITS.forEach((kind, limit) -> properties.put("wagate.media.limits." + kind.replace('_', '-'), limit));
        }
        properties.putAll(settings);
        return new Testbed(apiService, files, RunningMediaService.start(properties), workDir);
    }

    public Organization newOrganization() {
        String id = "org_" + UUID.randomUUID().toString().substring(0, 8);
        apiService.knows("wag_" + id, id);
        return new Organization(id, "wag_" + id);
    }

    /** Temporary files the service left behind in its work directory. */
    public long leftoverFiles() {
        try (Stream<Path> files = Files.list(workDir)) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        service.close();
        files.close();
        apiService.close();
    }
}
