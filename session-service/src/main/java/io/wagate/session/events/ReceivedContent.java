package io.wagate.session.events;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/** What an inbound message carries, as {@code message.received} announces it. */
public sealed interface ReceivedContent {

    record Text(String text) implements ReceivedContent {}

    /**
     * Media whose bytes media-service keeps under {@code mediaId}, or, when it refused them or never
     * answered, none and the {@code error} saying why: the message is announced either way, so a
     * subscriber learns it arrived. Without bytes, {@code mimetype} and {@code size} are as WhatsApp
     * announced them.
     */
    record Media(
            Kind kind,
            @Nullable String mediaId,
            String mimetype,
            long size,
            @Nullable String sha256,
            @Nullable String caption,
            @Nullable String filename,
            @Nullable NotStored error)
            implements ReceivedContent {

        public Media {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(mimetype, "mimetype");
            if ((mediaId == null) == (error == null)) {
                throw new IllegalArgumentException("media has either a media id or an error, never both or neither");
            }
        }

        /** Media that media-service keeps. */
        public static Media stored(
                Kind kind,
                String mediaId,
                String mimetype,
                long size,
                @Nullable String sha256,
                @Nullable String caption,
                @Nullable String filename) {
            return new Media(kind, mediaId, mimetype, size, sha256, caption, filename, null);
        }

        /** Media whose bytes are not kept, described as WhatsApp announced it. */
        public static Media notStored(
                Kind kind,
                String mimetype,
                long size,
                @Nullable String caption,
                @Nullable String filename,
                NotStored error) {
            return new Media(kind, null, mimetype, size, null, caption, filename, Objects.requireNonNull(error));
        }

        /**
         * Why the bytes are not kept: media-service's own code when it refused them
         * (media_too_large, unsupported_media_type...), {@link #UNAVAILABLE} when it kept not answering.
         */
        public record NotStored(String code, String message) {

            public static final String UNAVAILABLE = "media_unavailable";

            public NotStored {
                Objects.requireNonNull(code, "code");
                Objects.requireNonNull(message, "message");
            }
        }

        public enum Kind {
            IMAGE,
            VIDEO,
            AUDIO,
            VOICE_NOTE,
            DOCUMENT,
            STICKER
        }
    }

    record Location(
            double latitude,
            double longitude,
            @Nullable String name,
            @Nullable String address) implements ReceivedContent {}

    record Contacts(List<String> vcards) implements ReceivedContent {

        public Contacts {
            vcards = List.copyOf(vcards);
        }
    }

    record Poll(String question, List<String> options, int selectableCount) implements ReceivedContent {

        public Poll {
            options = List.copyOf(options);
        }
    }

    record PollVote(String pollWaMessageId, List<String> selectedOptions) implements ReceivedContent {

        public PollVote {
            selectedOptions = List.copyOf(selectedOptions);
        }
    }

    /** {@code emoji} is empty when the sender removed the reaction. */
    record Reaction(String targetWaMessageId, String emoji) implements ReceivedContent {}

    record Edit(String targetWaMessageId, String text) implements ReceivedContent {}

    record Revoke(String targetWaMessageId) implements ReceivedContent {}
}
