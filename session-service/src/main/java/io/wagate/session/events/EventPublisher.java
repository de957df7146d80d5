package io.wagate.session.events;

import io.wagate.session.SessionRef;

/** Announces what happens to sessions, in the order it happens per session. */
public interface EventPublisher {

    /**
     * Returns once the event is durably on the events topic.
     *
     * @throws EventNotPublishedException when the broker did not acknowledge it in time
     */
    void publish(SessionRef session, SessionEvent event);
}
