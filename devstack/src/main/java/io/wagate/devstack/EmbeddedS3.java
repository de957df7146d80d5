package io.wagate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An S3 endpoint in devstack's JVM (s3proxy over a temporary directory) for media-service, when no
 * {@code WAGATE_S3_ENDPOINT} names a store of yours. Like the embedded database, it starts empty.
 */
final class EmbeddedS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final Path directory;
    private final String accessKey;
    private final String secretKey;

    private EmbeddedS3(S3Proxy proxy, Path directory, String accessKey, String secretKey) {
        this.proxy = proxy;
        this.directory = directory;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
    }

    static EmbeddedS3 start() {
        String accessKey = "devstack-" + random(4);
        String secretKey = random(24);
        try {
            Path directory = Files.createTempDirectory("wagate-devstack-s3");
            S3Proxy proxy = S3Proxy.builder()
                    .blobStore(new FilesystemNio2BlobStore(directory.toString()))
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                    .build();
            proxy.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the embedded S3 did not start: " + proxy.getState());
                }
                Thread.onSpinWait();
            }
            return new EmbeddedS3(proxy, directory, accessKey, secretKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the embedded S3 did not start", e);
        }
    }

    /** media-service's {@code wagate.s3.*} settings for this store; the bucket is made on start. */
    Map<String, String> mediaServiceProperties() {
        return Map.of(
                "wagate.s3.endpoint",
                "http://127.0.0.1:" + proxy.getPort(),
                "wagate.s3.access-key-id",
                accessKey,
                "wagate.s3.secret-access-key",
                secretKey,
                "wagate.s3.force-path-style",
                "true",
                "wagate.s3.create-bucket",
                "true");
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // stopping anyway
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        new SecureRandom().nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
