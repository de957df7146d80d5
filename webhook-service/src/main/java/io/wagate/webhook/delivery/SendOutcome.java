package io.wagate.webhook.delivery;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/** How one HTTP attempt went. */
public sealed interface SendOutcome {

    long latencyMillis();

    /**
     * The endpoint answered; {@code body} is at most the first KiB; {@code retryAfter} is its
     * Retry-After header as a delay from now, when it sent one that parses.
     */
    record Responded(
            int statusCode,
            long latencyMillis,
            String body,
            @Nullable Duration retryAfter) implements SendOutcome {

        public Responded(int statusCode, long latencyMillis, String body) {
            this(statusCode, latencyMillis, body, null);
        }

        public boolean successful() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    /**
     * No answer: {@code error} is a lower_snake code: timeout, connect_error, io_error, error,
     * url_not_allowed, unresolvable_host, internal_error (interrupted is never recorded).
     */
    record Failed(String error, long latencyMillis) implements SendOutcome {}
}
