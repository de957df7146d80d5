package io.wagate.session.events;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/** What an inbound message carries, as {@code message.received} announces it. */
public sealed interface ReceivedContent {

    record Text(String text) implements ReceivedContent {}

    /**
     * Media whose bytes media-service keeps under {@code mediaId}. {@code kind} is the lower-case
     * kind: image, video, audio, voice_note, document or sticker.
     */
    record Media(
            Kind kind,
            String mediaId,
            String mimetype,
            long size,
            @Nullable String sha256,
            @Nullable String caption,
            @Nullable String filename)
            implements ReceivedContent {

        public Media {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(mediaId, "mediaId");
            Objects.requireNonNull(mimetype, "mimetype");
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
