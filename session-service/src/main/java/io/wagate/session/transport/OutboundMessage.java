package io.wagate.session.transport;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/**
 * A message to send. {@code waMessageId} is chosen by the caller (derived from our message id) so a
 * resend after a crash carries the same id and WhatsApp keeps one message.
 */
public record OutboundMessage(String waMessageId, Jid to, Content content, Context context) {

    /** WhatsApp's limit on a text message, in characters. */
    public static final int MAX_TEXT_LENGTH = 65_536;

    public OutboundMessage {
        Objects.requireNonNull(waMessageId, "waMessageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(context, "context");
    }

    public OutboundMessage(String waMessageId, Jid to, Content content) {
        this(waMessageId, to, content, Context.NONE);
    }

    /** What the message carries. */
    public sealed interface Content {}

    public record Text(String body, @Nullable LinkPreview preview) implements Content {

        public Text {
            Objects.requireNonNull(body, "body");
        }

        public Text(String body) {
            this(body, null);
        }

        /** Whether WhatsApp accepts this text: 1 to {@value #MAX_TEXT_LENGTH} characters (code points). */
        public boolean withinLimits() {
            return !body.isEmpty() && body.codePointCount(0, body.length()) <= MAX_TEXT_LENGTH;
        }
    }

    /** An image, video, audio, voice note, document or sticker, with its optional caption and file name. */
    public record Media(
            MediaKind kind,
            MediaFile file,
            @Nullable String caption,
            @Nullable String filename,
            boolean gifPlayback) implements Content {

        public Media {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(file, "file");
        }
    }

    public record Location(
            double latitude,
            double longitude,
            @Nullable String name,
            @Nullable String address) implements Content {}

    /** One or more vCards. */
    public record Contacts(List<Card> cards) implements Content {

        public Contacts {
            cards = List.copyOf(cards);
        }

        public record Card(@Nullable String displayName, String vcard) {}
    }

    public record Poll(String question, List<String> options, int selectableCount) implements Content {

        public Poll {
            Objects.requireNonNull(question, "question");
            options = List.copyOf(options);
        }
    }

    /** An emoji on a message; an empty emoji removes this session's reaction. */
    public record Reaction(MessageKey target, String emoji) implements Content {}

    /** New text for a text message this session sent. */
    public record Edit(MessageKey target, String text) implements Content {}

    /** Deletes a message this session sent, for everyone. */
    public record Revoke(MessageKey target) implements Content {}

    /** The Open Graph card shown under a text with a link. */
    public record LinkPreview(
            String url,
            @Nullable String title,
            @Nullable String description,
            @Nullable byte[] thumbnailJpeg) {}

    /** How the message relates to others: the message it quotes and who it mentions. */
    public record Context(@Nullable Quote quote, List<Jid> mentions) {

        public static final Context NONE = new Context(null, List.of());

        public Context {
            mentions = List.copyOf(mentions);
        }
    }

    /** The quoted message; {@code text} is what the quote bubble shows, when known. */
    public record Quote(MessageKey key, @Nullable String text) {}
}
