package io.wagate.media.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.wagate.media.format.MediaKind;
import jakarta.inject.Singleton;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * {@code wagate_media_bytes_total{direction="in"|"out"}}: bytes stored and bytes served;
 * {@code wagate_media_prepare_seconds{kind,outcome}}: how long preparing media for a send takes.
 */
@Singleton
public final class MediaMetrics {

    private final MeterRegistry registry;
    private final Counter bytesIn;
    private final Counter bytesOut;

    MediaMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.bytesIn = Counter.builder("wagate.media.bytes")
                .description("Media bytes stored (in) and served (out)")
                .baseUnit("bytes")
                .tag("direction", "in")
                .register(registry);
        this.bytesOut = Counter.builder("wagate.media.bytes")
                .description("Media bytes stored (in) and served (out)")
                .baseUnit("bytes")
                .tag("direction", "out")
                .register(registry);
    }

    public void stored(long bytes) {
        bytesIn.increment(bytes);
    }

    /** The stream, counting into {@code direction="out"} as it is read. */
    public InputStream served(InputStream stream) {
        return new FilterInputStream(stream) {
            @Override
            public int read() throws IOException {
                int value = super.read();
                if (value >= 0) {
                    bytesOut.increment();
                }
                return value;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read > 0) {
                    bytesOut.increment(read);
                }
                return read;
            }
        };
    }

    public Timer.Sample startPreparing() {
        return Timer.start(registry);
    }

    /** {@code outcome}: {@code ok} or the error code answered. */
    public void prepared(Timer.Sample sample, MediaKind kind, String outcome) {
        sample.stop(Timer.builder("wagate.media.prepare")
                .description("Time to fetch or decode, check, convert and store media for a send")
                .tag("kind", kind.wireName())
                .tag("outcome", outcome)
                .register(registry));
    }
}
