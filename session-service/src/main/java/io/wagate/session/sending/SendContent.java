package io.wagate.session.sending;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.MediaKind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a SendMessage asks to send, as it arrived: nothing is checked yet ({@link SendRules} and
 * {@link MessageComposer} do that). Reactions, edits and deletions name their target by our msg_ id
 * or by a WhatsApp message id of the same session.
 */
public sealed interface SendContent {

    /** The kind's word in failures and in the message index: text, image, ..., revoke. */
    String kind();

    record Text(String text) implements SendContent {

        public Text {
            text = Objects.requireNonNullElse(text, "");
        }

        @Override
        public String kind() {
            return "text";
        }
    }

    /** An image, video, audio (or voice note), document or sticker that media-service fetches or holds. */
    record Media(
            MediaKind mediaKind,
            MediaRef media,
            @Nullable String caption,
            @Nullable String filename,
            boolean gifPlayback)
            implements SendContent {

        public Media {
            Objects.requireNonNull(mediaKind, "mediaKind");
            Objects.requireNonNull(media, "media");
        }

        @Override
        public String kind() {
            return mediaKind.name().toLowerCase(Locale.ROOT);
        }
    }

    /** Where media bytes are: exactly one of an uploaded media id or a URL. */
    record MediaRef(@Nullable String mediaId, @Nullable String url) {}

    record Location(
            double latitude,
            double longitude,
            @Nullable String name,
            @Nullable String address) implements SendContent {

        @Override
        public String kind() {
            return "location";
        }
    }

    record Contacts(List<Card> cards) implements SendContent {

        public Contacts {
            cards = List.copyOf(Objects.requireNonNullElse(cards, List.of()));
        }

        @Override
        public String kind() {
            return "contact";
        }

        public record Card(String vcard, @Nullable String displayName) {}
    }

    record Poll(String question, List<String> options, int selectableCount) implements SendContent {

        public Poll {
            question = Objects.requireNonNullElse(question, "");
            options = List.copyOf(Objects.requireNonNullElse(options, List.of()));
        }

        @Override
        public String kind() {
            return "poll";
        }
    }

    /** An emoji on a message; empty removes this session's reaction. */
    record Reaction(String targetMessageId, String emoji) implements SendContent {

        public Reaction {
            targetMessageId = Objects.requireNonNullElse(targetMessageId, "");
            emoji = Objects.requireNonNullElse(emoji, "");
        }

        @Override
        public String kind() {
            return "reaction";
        }
    }

    /** New text for a text this session sent. */
    record Edit(String targetMessageId, String text) implements SendContent {

        public Edit {
            targetMessageId = Objects.requireNonNullElse(targetMessageId, "");
            text = Objects.requireNonNullElse(text, "");
        }

        @Override
        public String kind() {
            return "edit";
        }
    }

    /** Deletes a message this session sent, for everyone. */
    record Revoke(String targetMessageId) implements SendContent {

        public Revoke {
            targetMessageId = Objects.requireNonNullElse(targetMessageId, "");
        }

        @Override
        public String kind() {
            return "revoke";
        }
    }
}
