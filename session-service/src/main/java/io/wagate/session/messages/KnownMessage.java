package io.wagate.session.messages;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MessageKey;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A message of one of the session's chats, as later messages point at it.
 *
 * @param messageId our msg_ id for it
 * @param key how WhatsApp names it
 * @param inbound whether it arrived (from someone, or from the phone itself) rather than being sent from here
 * @param kind text, image, video, audio, voice_note, document, sticker, location, contact, poll,
 *     poll_vote, reaction, edit or revoke
 * @param preview the text a quote of it shows (a text, a caption, a question), when it has one
 */
public record KnownMessage(
        String messageId,
        MessageKey key,
        boolean inbound,
        String kind,
        @Nullable String preview,
        Instant sentAt) {

    /** Kinds that only act on another message: nobody quotes, reacts to or deletes them. */
    private static final Set<String> AIMED = Set.of("reaction", "edit", "revoke", "poll_vote");

    /** The most of a text a preview keeps. */
    public static final int PREVIEW_LENGTH = 1_024;

    public KnownMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sentAt, "sentAt");
        if (preview != null && preview.length() > PREVIEW_LENGTH) {
            preview = preview.substring(
                    0,
                    Character.isHighSurrogate(preview.charAt(PREVIEW_LENGTH - 1))
                            ? PREVIEW_LENGTH - 1
                            : PREVIEW_LENGTH);
        }
    }

    /** Whether a message can quote it, react to it or delete it. */
    public boolean isContent() {
        return !AIMED.contains(kind);
    }

    /** Who wrote it: the member in a group, the chat in a private one, null for this session. */
    public @Nullable Jid author() {
        if (key.fromMe()) {
            return null;
        }
        return key.participant() != null ? key.participant() : key.chat();
    }
}
