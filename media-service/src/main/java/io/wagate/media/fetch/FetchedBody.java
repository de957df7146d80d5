package io.wagate.media.fetch;

import io.micronaut.core.annotation.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * A response body being read from a fetched URL. {@link #stream()} is bounded by the fetch's total
 * time; closing this closes the connection.
 */
public final class FetchedBody implements AutoCloseable {

    private final URI url;
    private final String contentType;
    private final InputStream stream;
    private final AutoCloseable response;

    FetchedBody(URI url, @Nullable String contentType, InputStream stream, AutoCloseable response) {
        this.url = url;
        this.contentType = contentType;
        this.stream = stream;
        this.response = response;
    }

    /** The URL the body came from, after redirects. */
    public URI url() {
        return url;
    }

    /** The Content-Type the server declared, a hint only. */
    @Nullable
    public String contentType() {
        return contentType;
    }

    public InputStream stream() {
        return stream;
    }

    /** Up to {@code limit} bytes of the body; the rest is left unread. */
    public byte[] readAtMost(int limit) throws IOException {
        return stream.readNBytes(limit);
    }

    @Override
    public void close() {
        try {
            stream.close();
        } catch (IOException ignored) {
            // closing the response below releases the connection either way
        }
        try {
            response.close();
        } catch (Exception ignored) {
            // nothing more to release
        }
    }
}
