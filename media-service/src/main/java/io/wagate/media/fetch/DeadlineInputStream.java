package io.wagate.media.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails a read once a deadline has passed: read timeouts bound each read, this bounds the whole body,
 * so a server trickling a byte at a time cannot hold a fetch open for ever.
 */
final class DeadlineInputStream extends FilterInputStream {

    private final long deadlineNanos;

    DeadlineInputStream(InputStream in, long deadlineNanos) {
        super(in);
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public int read() throws IOException {
        checkDeadline();
        return super.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        checkDeadline();
        return super.read(buffer, offset, length);
    }

    private void checkDeadline() throws IOException {
        if (System.nanoTime() - deadlineNanos > 0) {
            throw new IOException("the download took longer than the total fetch timeout");
        }
    }
}
