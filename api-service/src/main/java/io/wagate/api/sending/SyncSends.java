package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import io.wagate.api.message.MessageEventMapper;
import io.wagate.api.message.MessageRepository;
import io.wagate.api.message.MessageStatus;
import io.wagate.api.message.MessageStatusEvent;
import io.wagate.api.reply.EventTail;
import io.wagate.api.reply.Replies;
import io.wagate.api.reply.ReplyConfig;
import io.wagate.api.reply.ReplyKey;
import io.wagate.schemas.v1.Event;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A synchronous send: wait for message.sent or message.failed for this message id, read off this
 * instance's {@link EventTail}. The wait is registered before the command is produced, so the
 * answer cannot arrive unseen. When it does not come in time the send carries on queued.
 */
@Singleton
class SyncSends {

    private static final Logger LOG = LoggerFactory.getLogger(SyncSends.class);

    private final Replies replies;
    private final EventTail tail;
    private final MessageRepository messages;
    private final Duration timeout;

    SyncSends(Replies replies, EventTail tail, MessageRepository messages, ReplyConfig config) {
        this.replies = replies;
        this.tail = tail;
        this.messages = messages;
        this.timeout = config.sendTimeout();
    }

    SendOutcome publishAndAwait(String messageId, @Nullable String clientRef, Runnable publish) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Replies.Waiter waiter = replies.register(new ReplyKey.Message(messageId))) {
            if (!tail.awaitPositioned()) {
                LOG.warn("the events topic is not being read yet; {} will answer queued", messageId);
            }
            publish.run();
            Optional<Event> answer = waiter.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            return answer.flatMap(MessageEventMapper::map)
                    .map(event -> outcomeOf(messageId, clientRef, event))
                    .orElseGet(() -> stored(messageId, clientRef));
        }
    }

    private static SendOutcome outcomeOf(String messageId, @Nullable String clientRef, MessageStatusEvent event) {
        return event.status() == MessageStatus.FAILED
                ? new SendOutcome.Failed(messageId, clientRef, event.errorCode(), event.errorMessage(), false)
                : new SendOutcome.Sent(messageId, clientRef, event.status().wire(), event.waMessageId(), false);
    }

    /** What the projection knows, should the answer have come some other way; else still pending. */
    private SendOutcome stored(String messageId, @Nullable String clientRef) {
        return messages.findById(messageId)
                .<SendOutcome>map(message -> switch (message.currentStatus()) {
                    case FAILED ->
                        new SendOutcome.Failed(
                                messageId, clientRef, message.errorCode(), message.errorMessage(), false);
                    case SENT, DELIVERED, READ, PLAYED ->
                        new SendOutcome.Sent(messageId, clientRef, message.status(), message.waMessageId(), false);
                    case QUEUED, RECEIVED -> new SendOutcome.Queued(messageId, clientRef, true, false);
                })
                .orElseGet(() -> new SendOutcome.Queued(messageId, clientRef, true, false));
    }
}
