package io.wagate.webhook.delivery;

/** How one HTTP attempt went. */
public sealed interface SendOutcome {

    long latencyMillis();

    /** The endpoint answered; {@code body} is at most the first KiB. */
    record Responded(int statusCode, long latencyMillis, String body) implements SendOutcome {
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
