package io.wagate.media.intake;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.wagate.media.error.ApiException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Copies incoming media to a temporary file in {@code wagate.media.work-dir} (default: the JVM's
 * temporary directory), hashing and counting as it goes and stopping at the limit, so media is never
 * held whole in the heap and an oversized one costs at most the limit in disk.
 */
@Singleton
public final class Spool {

    private static final int BUFFER = 64 * 1024;

    private final Path directory;

    Spool(@Nullable @Value("${wagate.media.work-dir:}") String workDir) {
        this.directory = Path.of(workDir == null || workDir.isBlank() ? System.getProperty("java.io.tmpdir") : workDir);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create wagate.media.work-dir " + directory, e);
        }
    }

    /**
     * @param what names the media in the error, e.g. "the upload"
     * @throws ApiException {@code media_too_large} past {@code limit} bytes
     * @throws IOException when reading {@code in} fails
     */
    public SpooledFile copy(InputStream in, long limit, String what) throws IOException {
        Path file = newFile();
        boolean kept = false;
        try {
            MessageDigest sha256 = sha256();
            long size = 0;
            try (InputStream digesting = new DigestInputStream(in, sha256);
                    OutputStream out = Files.newOutputStream(file)) {
                byte[] buffer = new byte[BUFFER];
                for (int read = digesting.read(buffer); read >= 0; read = digesting.read(buffer)) {
                    size += read;
                    if (size > limit) {
                        throw ApiException.tooLarge(what, limit);
                    }
                    out.write(buffer, 0, read);
                }
            }
            kept = true;
            return new SpooledFile(file, size, HexFormat.of().formatHex(sha256.digest()));
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Takes over a file a converter wrote: its size and hash, deleted with the result. */
    public SpooledFile adopt(Path file) throws IOException {
        MessageDigest sha256 = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha256)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return new SpooledFile(file, Files.size(file), HexFormat.of().formatHex(sha256.digest()));
    }

    /** An empty temporary file for a converter to write. */
    public Path newFile() throws IOException {
        return Files.createTempFile(directory, "wagate-media-", ".part");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
