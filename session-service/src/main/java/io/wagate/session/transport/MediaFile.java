package io.wagate.session.transport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Media bytes ready for WhatsApp: already validated and converted by media-service. The bytes are
 * streamed on demand, never held whole by the caller.
 */
public record MediaFile(String mimetype, long size, String sha256, Source source) {

    public MediaFile {
        Objects.requireNonNull(mimetype, "mimetype");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(source, "source");
    }

    /** Opens the bytes; each call starts from the first byte. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }
}
