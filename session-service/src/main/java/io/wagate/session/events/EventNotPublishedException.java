package io.wagate.session.events;

/** The broker did not acknowledge an event; the step that produced it should be retried. */
public final class EventNotPublishedException extends RuntimeException {

    public EventNotPublishedException(String message, Throwable cause) {
        super(message, cause);
    }
}
