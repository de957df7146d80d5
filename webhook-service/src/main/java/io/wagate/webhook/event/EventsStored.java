package io.wagate.webhook.event;

/**
 * Published when events were stored, inside the storing transaction: listeners that want to see the
 * rows listen with {@code @TransactionalEventListener}, which runs them after the commit.
 */
public record EventsStored(int events, int deliveries) {}
