package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/** What a send carries: one record per {@code type}, plus the edits and deletions aimed at an earlier message. */
public sealed interface MessageContent {

    /** The {@code type} values {@code POST .../messages} accepts. */
    List<String> SENDABLE_TYPES = List.of(
            "text", "image", "video", "audio", "document", "sticker", "location", "contact", "poll", "reaction");

    record Text(String text) implements MessageContent {}

    record Image(MediaSource media, @Nullable String caption) implements Media {
        @Override
        public Media withMedia(MediaSource.Prepared prepared) {
            return new Image(prepared, caption);
        }
    }

    record Video(MediaSource media, @Nullable String caption, boolean gifPlayback) implements Media {
        @Override
        public Media withMedia(MediaSource.Prepared prepared) {
            return new Video(prepared, caption, gifPlayback);
        }
    }

    record Audio(MediaSource media, boolean voiceNote) implements Media {
        @Override
        public Media withMedia(MediaSource.Prepared prepared) {
            return new Audio(prepared, voiceNote);
        }
    }

    record Document(
            MediaSource media,
            @Nullable String filename,
            @Nullable String caption) implements Media {
        @Override
        public Media withMedia(MediaSource.Prepared prepared) {
            return new Document(prepared, filename != null ? filename : prepared.filename(), caption);
        }
    }

    record Sticker(MediaSource media) implements Media {
        @Override
        public Media withMedia(MediaSource.Prepared prepared) {
            return new Sticker(prepared);
        }
    }

    record Location(
            double latitude,
            double longitude,
            @Nullable String name,
            @Nullable String address) implements MessageContent {}

    record Contacts(List<Contact> contacts) implements MessageContent {
        public Contacts {
            contacts = List.copyOf(contacts);
        }
    }

    /** A vCard 3.0 text, given or built from a name and numbers. */
    record Contact(String vcard, @Nullable String displayName) {}

    record Poll(String question, List<String> options, int selectableCount) implements MessageContent {
        public Poll {
            options = List.copyOf(options);
        }
    }

    /** An emoji on an earlier message; an empty emoji removes this session's reaction. */
    record Reaction(String targetMessageId, String emoji) implements MessageContent {}

    /** New text for a text message this session sent. */
    record Edit(String targetMessageId, String text) implements MessageContent {}

    /** Deletes a message this session sent, for everyone. */
    record Revoke(String targetMessageId) implements MessageContent {}

    /** Content whose bytes media-service prepares before the send is queued. */
    sealed interface Media extends MessageContent {

        MediaSource media();

        /** The same content, pointing at the media media-service prepared. */
        Media withMedia(MediaSource.Prepared prepared);

        /** The kind media-service checks and converts for. */
        default String mediaKind() {
            return switch (this) {
                case Image ignored -> "image";
                case Video ignored -> "video";
                case Audio audio -> audio.voiceNote() ? "voice_note" : "audio";
                case Document ignored -> "document";
                case Sticker ignored -> "sticker";
            };
        }
    }

    /** The {@code type} this content was sent as, as the API shows it. */
    default String type() {
        return switch (this) {
            case Text ignored -> "text";
            case Image ignored -> "image";
            case Video ignored -> "video";
            case Audio ignored -> "audio";
            case Document ignored -> "document";
            case Sticker ignored -> "sticker";
            case Location ignored -> "location";
            case Contacts ignored -> "contact";
            case Poll ignored -> "poll";
            case Reaction ignored -> "reaction";
            case Edit ignored -> "edit";
            case Revoke ignored -> "delete";
        };
    }

    /** The earlier message this content acts on, if any. */
    @Nullable
    default String targetMessageId() {
        return switch (this) {
            case Reaction reaction -> reaction.targetMessageId();
            case Edit edit -> edit.targetMessageId();
            case Revoke revoke -> revoke.targetMessageId();
            default -> null;
        };
    }
}
