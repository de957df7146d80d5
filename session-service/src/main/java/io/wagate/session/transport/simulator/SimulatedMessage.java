package io.wagate.session.transport.simulator;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.OutboundMessage;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A message as the simulated WhatsApp network holds it: one per WhatsApp message id, with what the
 * recipient saw.
 *
 * @param text what the recipient reads: the text, a caption, a poll's question, a reaction's emoji,
 *     an edit's new text (empty when there is nothing to read)
 * @param media the file as the servers received it, for a media message
 */
public record SimulatedMessage(
        String waMessageId,
        String fromSessionId,
        String fromPhoneNumber,
        String to,
        String text,
        Instant acceptedAt,
        OutboundMessage.Content content,
        OutboundMessage.Context context,
        @Nullable SimulatedUpload media) {

    public SimulatedMessage {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(context, "context");
    }

    static SimulatedMessage of(
            String fromSessionId,
            String fromPhoneNumber,
            OutboundMessage message,
            @Nullable SimulatedUpload media,
            Instant acceptedAt) {
        return new SimulatedMessage(
                message.waMessageId(),
                fromSessionId,
                fromPhoneNumber,
                message.to().toString(),
                readable(message.content()),
                acceptedAt,
                message.content(),
                message.context(),
                media);
    }

    /** text, image, video, audio, voice_note, document, sticker, location, contact, poll, reaction, edit or revoke. */
    public String kind() {
        return switch (content) {
            case OutboundMessage.Text ignored -> "text";
            case OutboundMessage.Media media -> media.kind().name().toLowerCase(Locale.ROOT);
            case OutboundMessage.Location ignored -> "location";
            case OutboundMessage.Contacts ignored -> "contact";
            case OutboundMessage.Poll ignored -> "poll";
            case OutboundMessage.Reaction ignored -> "reaction";
            case OutboundMessage.Edit ignored -> "edit";
            case OutboundMessage.Revoke ignored -> "revoke";
        };
    }

    /** Whether it only acts on another message (a reaction, an edit, a deletion). */
    boolean aimed() {
        return content instanceof OutboundMessage.Reaction
                || content instanceof OutboundMessage.Edit
                || content instanceof OutboundMessage.Revoke;
    }

    private static String readable(OutboundMessage.Content content) {
        String text =
                switch (content) {
                    case OutboundMessage.Text body -> body.body();
                    case OutboundMessage.Media media -> media.caption();
                    case OutboundMessage.Location location -> location.name();
                    case OutboundMessage.Contacts contacts ->
                        contacts.cards().isEmpty()
                                ? null
                                : contacts.cards().getFirst().displayName();
                    case OutboundMessage.Poll poll -> poll.question();
                    case OutboundMessage.Reaction reaction -> reaction.emoji();
                    case OutboundMessage.Edit edit -> edit.text();
                    case OutboundMessage.Revoke ignored -> null;
                };
        return Objects.requireNonNullElse(text, "");
    }
}
