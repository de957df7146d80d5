package io.wagate.session.events;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.SessionRef;

/** Announces what happens to sessions, in the order it happens per session. */
public interface EventPublisher {

    /**
     * Returns once the event is durably on the events topic. Its headers carry {@code traceparent}
     * (W3C), or when null the trace of the span this thread is in, if any, so its webhooks continue
     * the trace that caused it.
     *
     * @throws EventNotPublishedException when the broker did not acknowledge it in time
     */
    void publish(SessionRef session, SessionEvent event, @Nullable String traceparent);

    /** Publishes an event in the trace of the span this thread is in, if any. */
    default void publish(SessionRef session, SessionEvent event) {
        publish(session, event, null);
    }
}
