package io.wagate.api.event;

import io.wagate.schemas.v1.Event;

/** Keeps part of the API's own view in step with the events topic. */
public interface EventProjection {

    /** Applies the event; must be idempotent, since an event can arrive again after a restart. */
    void project(Event event);
}
