package io.wagate.api.reply;

import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.GroupInfo;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionPairingCodeIssued;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests of this instance waiting for an event, by what they wait for. A request registers before
 * it produces its command, so the answer cannot slip past it; {@link EventTail} hands every event of
 * the events topic to {@link #dispatch}.
 */
@Singleton
public class Replies {

    private final Map<ReplyKey, Set<CompletableFuture<Event>>> waiting = new ConcurrentHashMap<>();

    /** Completes with the first event answering any of {@code keys}; close it when done waiting. */
    public Waiter register(ReplyKey... keys) {
        CompletableFuture<Event> answer = new CompletableFuture<>();
        List<ReplyKey> all = List.of(keys);
        all.forEach(key -> waiting.compute(key, (k, futures) -> {
            Set<CompletableFuture<Event>> registered = futures == null ? ConcurrentHashMap.newKeySet() : futures;
            registered.add(answer);
            return registered;
        }));
        return new Waiter(
                answer,
                () -> all.forEach(key -> waiting.computeIfPresent(key, (k, futures) -> {
                    futures.remove(answer);
                    return futures.isEmpty() ? null : futures;
                })));
    }

    /** Wakes whoever waits for this event. */
    void dispatch(Event event) {
        for (ReplyKey key : keysAnsweredBy(event)) {
            Set<CompletableFuture<Event>> futures = waiting.get(key);
            if (futures != null) {
                futures.forEach(future -> future.complete(event));
            }
        }
    }

    int waiting() {
        return waiting.size();
    }

    static List<ReplyKey> keysAnsweredBy(Event event) {
        return switch (event.getData()) {
            // a receipt past "sent" means it was sent, even if the sent event is still on its way
            case MessageStatusChanged changed
            when changed.getStatus() != MessageStatus.UNKNOWN -> List.of(new ReplyKey.Message(changed.getMessageId()));
            case GroupInfo info when info.getCommandId() != null -> List.of(new ReplyKey.Command(info.getCommandId()));
            case CommandFailed failed -> List.of(new ReplyKey.Command(failed.getCommandId()));
            case SessionPairingCodeIssued ignored -> List.of(new ReplyKey.PairingCode(event.getSessionId()));
            default -> List.of();
        };
    }

    /** One request's wait; closing it forgets the registration. */
    public record Waiter(CompletableFuture<Event> answer, Runnable unregister) implements AutoCloseable {

        /** The answering event, or empty when none came within {@code timeout}. */
        public Optional<Event> await(Duration timeout) {
            try {
                return Optional.of(answer.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException e) {
                throw new IllegalStateException("a reply is never completed exceptionally", e.getCause());
            }
        }

        @Override
        public void close() {
            unregister.run();
        }
    }
}
