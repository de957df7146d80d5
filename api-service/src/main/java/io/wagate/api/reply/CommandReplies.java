package io.wagate.api.reply;

import io.wagate.api.command.CommandPublisher;
import io.wagate.schemas.v1.Event;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A SessionCommand that a request waits on: registered before it is produced, answered by the first
 * event carrying its command id (or one of {@code alsoAnsweredBy}), within {@code wagate.replies.command-timeout}.
 */
@Singleton
public class CommandReplies {

    private final CommandPublisher commands;
    private final Replies replies;
    private final EventTail tail;
    private final Duration timeout;

    CommandReplies(CommandPublisher commands, Replies replies, EventTail tail, ReplyConfig config) {
        this.commands = commands;
        this.replies = replies;
        this.tail = tail;
        this.timeout = config.commandTimeout();
    }

    /**
     * @return the answering event, or empty when none came in time
     * @throws io.wagate.api.error.ApiException {@code unavailable} when Kafka does not take the command
     */
    public Optional<Event> publishAndAwait(
            String sessionId, String commandId, byte[] command, ReplyKey... alsoAnsweredBy) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ReplyKey> keys = new ArrayList<>(List.of(alsoAnsweredBy));
        keys.add(new ReplyKey.Command(commandId));
        try (Replies.Waiter waiter = replies.register(keys.toArray(ReplyKey[]::new))) {
            tail.awaitPositioned();
            commands.publish(sessionId, command);
            return waiter.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }
}
