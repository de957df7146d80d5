package io.wagate.session.transport.simulator;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.SendOutcome;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the simulated WhatsApp refuses in a message itself, whoever it goes to: the checks real
 * WhatsApp makes on text, media, polls, locations, contacts and mentions. Rules about the message a
 * reaction, edit or deletion aims at need the network's memory: see {@link SimulatedWhatsApp}.
 */
final class SimulatedRules {

    /** How long after sending WhatsApp accepts an edit. */
    static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    /** How long after sending WhatsApp accepts a deletion for everyone. */
    static final Duration REVOKE_WINDOW = Duration.ofHours(48);

    private static final Map<MediaKind, Set<String>> MIMETYPES = Map.of(
            MediaKind.IMAGE, Set.of("image/jpeg", "image/png", "image/webp"),
            MediaKind.VIDEO, Set.of("video/mp4", "video/3gpp"),
            MediaKind.AUDIO, Set.of("audio/mpeg", "audio/ogg", "audio/aac", "audio/amr", "audio/mp4", "audio/opus"),
            MediaKind.VOICE_NOTE, Set.of("audio/ogg", "audio/opus"),
            MediaKind.STICKER, Set.of("image/webp"));

    private SimulatedRules() {}

    /** @param upload the media's bytes as the servers received them, for a media message */
    static Optional<SendOutcome.Rejected> check(OutboundMessage message, @Nullable SimulatedUpload upload) {
        if (!message.context().mentions().isEmpty() && message.to().server() != Jid.Server.GROUP) {
            return reject("mentions_not_supported", "mentions work in group chats only");
        }
        return switch (message.content()) {
            case OutboundMessage.Text text ->
                text.withinLimits()
                        ? Optional.empty()
                        : reject(
                                "invalid_message",
                                "a text must have 1 to " + OutboundMessage.MAX_TEXT_LENGTH + " characters");
            case OutboundMessage.Media media -> media(media, upload);
            case OutboundMessage.Poll poll -> poll(poll);
            case OutboundMessage.Location location ->
                Math.abs(location.latitude()) <= 90 && Math.abs(location.longitude()) <= 180
                        ? Optional.empty()
                        : reject("invalid_message", "no such place on Earth");
            case OutboundMessage.Contacts contacts ->
                contacts.cards().isEmpty()
                        ? reject("invalid_message", "a contact message needs a card")
                        : Optional.empty();
            case OutboundMessage.Edit edit ->
                new OutboundMessage.Text(edit.text()).withinLimits()
                        ? Optional.empty()
                        : reject("invalid_message", "an edit needs a text");
            case OutboundMessage.Reaction ignored -> Optional.empty();
            case OutboundMessage.Revoke ignored -> Optional.empty();
        };
    }

    private static Optional<SendOutcome.Rejected> media(OutboundMessage.Media media, @Nullable SimulatedUpload upload) {
        if (upload == null || !upload.matches(media.file())) {
            return reject("media_upload_failed", "the uploaded bytes are not the file the message describes");
        }
        String mimetype = baseType(media.file().mimetype());
        Set<String> accepted = MIMETYPES.get(media.kind());
        if (accepted != null && !accepted.contains(mimetype)) {
            return reject(
                    "unsupported_media_type", "WhatsApp does not take " + mimetype + " as a " + word(media.kind()));
        }
        if (media.kind() == MediaKind.STICKER && !SimulatedSamples.isWebp(upload.head())) {
            return reject("unsupported_media_type", "a sticker must be a WebP file");
        }
        if (media.kind() == MediaKind.VOICE_NOTE && !SimulatedSamples.isOggOpus(upload.head())) {
            return reject("unsupported_media_type", "a voice note must be Opus in an Ogg file");
        }
        return Optional.empty();
    }

    private static Optional<SendOutcome.Rejected> poll(OutboundMessage.Poll poll) {
        int options = poll.options().size();
        if (poll.question().isBlank() || options < 2 || options > 12) {
            return reject("poll_invalid", "a poll needs a question and 2 to 12 options");
        }
        if (new HashSet<>(poll.options()).size() != options) {
            return reject("poll_invalid", "a poll's options must differ");
        }
        if (poll.selectableCount() < 1 || poll.selectableCount() > options) {
            return reject("poll_invalid", "a voter picks 1 to " + options + " options");
        }
        return Optional.empty();
    }

    static String baseType(String mimetype) {
        int parameters = mimetype.indexOf(';');
        return (parameters < 0 ? mimetype : mimetype.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    static String word(MediaKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static Optional<SendOutcome.Rejected> reject(String code, String message) {
        return Optional.of(new SendOutcome.Rejected(code, message));
    }
}
