package io.wagate.api.message;

import io.micronaut.transaction.annotation.Transactional;
import io.wagate.api.event.EventProjection;
import io.wagate.schemas.v1.Event;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Keeps each message's status and history in step with its events. A message produced straight to
 * Kafka by another service is learnt from its first event.
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
        messages.update(new Message(
                message.id(),
                message.organizationId(),
                message.sessionId(),
                message.recipient(),
                message.type(),
                message.clientRef(),
                message.metadata(),
                event.status().wire(),
                event.waMessageId() != null ? event.waMessageId() : message.waMessageId(),
                event.errorCode(),
                event.errorMessage(),
                message.createdAt(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    private static Message learnt(MessageStatusEvent event) {
        return new Message(
                event.messageId(),
                event.organizationId(),
                event.sessionId(),
                event.recipient(),
                null,
                event.clientRef(),
                event.metadata(),
                MessageStatus.QUEUED.wire(),
                null,
                null,
                null,
                event.occurredAt(),
                event.occurredAt());
    }
}
