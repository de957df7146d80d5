package io.wagate.api.message;

import io.micronaut.transaction.annotation.Transactional;
import io.wagate.api.event.EventProjection;
import io.wagate.schemas.v1.Event;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Keeps each message's status and history in step with its events. A message produced straight to
 * Kafka by another service is learnt from its first event; an inbound message is recorded as received.
 */
@Singleton
public class MessageProjection implements EventProjection {

    private final MessageRepository messages;
    private final MessageEventRepository history;
    private final Clock clock = Clock.systemUTC();

    MessageProjection(MessageRepository messages, MessageEventRepository history) {
        this.messages = messages;
        this.history = history;
    }

    @Override
    @Transactional
    public void project(Event event) {
        MessageEventMapper.map(event).ifPresent(this::apply);
        MessageEventMapper.received(event).ifPresent(this::record);
    }

    /** An inbound message, stored once so it can be listed, looked up and told apart from ours. */
    private void record(Message received) {
        if (!messages.existsById(received.id())) {
            messages.save(received);
        }
    }

    private void apply(MessageStatusEvent event) {
        Message message = messages.findById(event.messageId()).orElseGet(() -> messages.save(learnt(event)));
        int recorded = history.insertOnce(
                event.eventId(),
                event.messageId(),
                event.status().wire(),
                event.occurredAt(),
                event.errorCode(),
                event.errorMessage());
        if (recorded == 0 || !message.currentStatus().movesTo(event.status())) {
            return;
        }
        messages.update(message.movedTo(event, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /** A message produced straight to Kafka: known here from its first event. */
    private static Message learnt(MessageStatusEvent event) {
        return Message.queued(
                event.messageId(),
                event.organizationId(),
                event.sessionId(),
                event.recipient(),
                null,
                event.clientRef(),
                event.metadata(),
                null,
                event.occurredAt());
    }
}
