package io.wagate.media.intake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Media bytes in a temporary file while they are checked, converted and stored; deleted on close. */
public record SpooledFile(Path path, long size, String sha256) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // the work directory is temporary; a leftover is harmless
        }
    }
}
