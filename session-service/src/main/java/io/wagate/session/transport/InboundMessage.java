package io.wagate.session.transport;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A message that arrived in one of the session's chats (from someone else, or from the phone itself). */
public record InboundMessage(
        MessageKey key,
        Jid sender,
        @Nullable String pushName,
        Instant sentAt,
        List<Jid> mentions,
        @Nullable Quoted quoted,
        Content content) {

    public InboundMessage {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(content, "content");
        mentions = List.copyOf(mentions);
    }

    /** The message this one quotes. */
    public record Quoted(
            String waMessageId,
            @Nullable Jid sender,
            @Nullable String text) {}

    public sealed interface Content {}

    public record Text(String body) implements Content {}

    /**
     * Media; opening {@code bytes} streams its content, downloaded and decrypted by the adapter.
     * {@code size} is the length WhatsApp announced (0 when it did not say): what a subscriber learns
     * when the bytes cannot be kept.
     */
    public record Media(
            MediaKind kind,
            String mimetype,
            long size,
            MediaFile.Source bytes,
            @Nullable String caption,
            @Nullable String filename)
            implements Content {}

    public record Location(
            double latitude,
            double longitude,
            @Nullable String name,
            @Nullable String address) implements Content {}

    public record Contacts(List<String> vcards) implements Content {}

    public record Poll(String question, List<String> options, int selectableCount) implements Content {}

    public record PollVote(String pollWaMessageId, List<String> selectedOptions) implements Content {}

    /** An emoji on a message; empty when the sender removed it. */
    public record Reaction(String targetWaMessageId, String emoji) implements Content {}

    public record Edit(String targetWaMessageId, String text) implements Content {}

    public record Revoke(String targetWaMessageId) implements Content {}
}
