package io.wagate.session.sending;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.events.SessionEvent.Failure;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.OutboundMessage;
import java.text.BreakIterator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * WhatsApp's rules for a message's content and options that can be checked without asking anyone:
 * sizes, counts, shapes. What needs the session's chats (targets, group members) or media-service is
 * checked by {@link MessageComposer}.
 */
final class SendRules {

    static final int MAX_CAPTION_LENGTH = 1_024;
    static final int MAX_FILENAME_LENGTH = 255;
    static final int MAX_CONTACTS = 100;
    static final int MAX_POLL_QUESTION_LENGTH = 255;
    static final int MAX_POLL_OPTION_LENGTH = 100;
    static final int MIN_POLL_OPTIONS = 2;
    static final int MAX_POLL_OPTIONS = 12;
    static final int MAX_DELAY_SECONDS = 60;

    private SendRules() {}

    /** The first rule the request breaks, as its failure; empty when it breaks none. */
    static Optional<Failure> check(SendContent content, SendOptions options) {
        return Optional.ofNullable(contentFailure(content))
                .or(() -> Optional.ofNullable(optionsFailure(content, options)));
    }

    /** The mentions as JIDs: numbers become user JIDs; a group or channel cannot be mentioned. */
    static Optional<List<Jid>> mentions(List<String> mentions) {
        List<Jid> jids = mentions.stream()
                .map(Jid::parse)
                .flatMap(jid -> jid.filter(SendRules::mentionable).stream())
                .toList();
        return jids.size() == mentions.size() ? Optional.of(jids) : Optional.empty();
    }

    private static boolean mentionable(Jid jid) {
        return jid.server() == Jid.Server.USER || jid.server() == Jid.Server.LID;
    }

    private static @Nullable Failure contentFailure(SendContent content) {
        return switch (content) {
            case SendContent.Text text ->
                textWithinLimits(text.text())
                        ? null
                        : invalid("a text must have 1 to " + OutboundMessage.MAX_TEXT_LENGTH + " characters");
            case SendContent.Media media -> mediaFailure(media);
            case SendContent.Location location -> locationFailure(location);
            case SendContent.Contacts contacts -> contactsFailure(contacts);
            case SendContent.Poll poll -> pollFailure(poll);
            case SendContent.Reaction reaction -> {
                if (reaction.targetMessageId().isBlank()) {
                    yield invalid("a reaction needs the message it reacts to");
                }
                yield reaction.emoji().isEmpty() || isOneEmoji(reaction.emoji())
                        ? null
                        : invalid("a reaction is one emoji, or empty to remove it");
            }
            case SendContent.Edit edit -> {
                if (edit.targetMessageId().isBlank()) {
                    yield invalid("an edit needs the message it edits");
                }
                yield textWithinLimits(edit.text())
                        ? null
                        : invalid("an edit's text must have 1 to " + OutboundMessage.MAX_TEXT_LENGTH + " characters");
            }
            case SendContent.Revoke revoke ->
                revoke.targetMessageId().isBlank() ? invalid("a deletion needs the message it deletes") : null;
        };
    }

    private static @Nullable Failure mediaFailure(SendContent.Media media) {
        boolean byId = !isBlank(media.media().mediaId());
        boolean byUrl = !isBlank(media.media().url());
        if (byId == byUrl) {
            return invalid("media needs exactly one of media_id or url");
        }
        if (media.caption() != null && length(media.caption()) > MAX_CAPTION_LENGTH) {
            return invalid("a caption has at most " + MAX_CAPTION_LENGTH + " characters");
        }
        if (media.filename() != null
                && (media.filename().isBlank() || length(media.filename()) > MAX_FILENAME_LENGTH)) {
            return invalid("a file name has 1 to " + MAX_FILENAME_LENGTH + " characters");
        }
        return null;
    }

    private static @Nullable Failure locationFailure(SendContent.Location location) {
        if (!(Math.abs(location.latitude()) <= 90) || !(Math.abs(location.longitude()) <= 180)) {
            return invalid("a location needs a latitude within ±90 and a longitude within ±180");
        }
        return null;
    }

    private static @Nullable Failure contactsFailure(SendContent.Contacts contacts) {
        if (contacts.cards().isEmpty() || contacts.cards().size() > MAX_CONTACTS) {
            return invalid("a contact message has 1 to " + MAX_CONTACTS + " cards");
        }
        for (SendContent.Contacts.Card card : contacts.cards()) {
            String vcard = card.vcard() == null ? "" : card.vcard().strip().toUpperCase(Locale.ROOT);
            if (!vcard.startsWith("BEGIN:VCARD") || !vcard.endsWith("END:VCARD")) {
                return invalid("every card must be a vCard (BEGIN:VCARD ... END:VCARD)");
            }
        }
        return null;
    }

    private static @Nullable Failure pollFailure(SendContent.Poll poll) {
        if (poll.question().isBlank() || length(poll.question()) > MAX_POLL_QUESTION_LENGTH) {
            return pollInvalid("a poll's question has 1 to " + MAX_POLL_QUESTION_LENGTH + " characters");
        }
        List<String> options = poll.options();
        if (options.size() < MIN_POLL_OPTIONS || options.size() > MAX_POLL_OPTIONS) {
            return pollInvalid("a poll has " + MIN_POLL_OPTIONS + " to " + MAX_POLL_OPTIONS + " options");
        }
        Set<String> seen = new HashSet<>();
        for (String option : options) {
            if (option == null || option.isBlank() || length(option) > MAX_POLL_OPTION_LENGTH) {
                return pollInvalid("each poll option has 1 to " + MAX_POLL_OPTION_LENGTH + " characters");
            }
            if (!seen.add(option.strip())) {
                return pollInvalid("poll option '" + option.strip() + "' appears twice");
            }
        }
        if (poll.selectableCount() < 1 || poll.selectableCount() > options.size()) {
            return pollInvalid("selectable_count must be 1 to " + options.size() + " (the number of options)");
        }
        return null;
    }

    private static @Nullable Failure optionsFailure(SendContent content, SendOptions options) {
        if (options.delaySeconds() < 0 || options.delaySeconds() > MAX_DELAY_SECONDS) {
            return invalid("delay must be 0 to " + MAX_DELAY_SECONDS + " seconds");
        }
        boolean aimed = content instanceof SendContent.Reaction
                || content instanceof SendContent.Edit
                || content instanceof SendContent.Revoke;
        boolean context = options.replyTo() != null
                || options.replyPrivate()
                || !options.mentions().isEmpty()
                || options.mentionAll();
        if (aimed && (context || options.linkPreview())) {
            return invalid("a " + content.kind() + " takes no reply_to, mentions or link_preview");
        }
        if (options.replyPrivate() && isBlank(options.replyTo())) {
            return invalid("reply_private needs reply_to: the group message to answer privately");
        }
        if (options.linkPreview() && !(content instanceof SendContent.Text)) {
            return invalid("link_preview applies to text messages only");
        }
        if (mentions(options.mentions()).isEmpty()) {
            return invalid("mentions must be numbers or user JIDs");
        }
        return null;
    }

    private static boolean textWithinLimits(String text) {
        return new OutboundMessage.Text(text).withinLimits();
    }

    /** One user-perceived character that is an emoji (flags, skin tones and ZWJ sequences included). */
    static boolean isOneEmoji(String text) {
        BreakIterator characters = BreakIterator.getCharacterInstance(Locale.ROOT);
        characters.setText(text);
        int first = characters.first();
        int end = characters.next();
        if (end == BreakIterator.DONE || characters.next() != BreakIterator.DONE) {
            return false;
        }
        int codePoint = text.codePointAt(first);
        boolean sequence = Character.charCount(codePoint) < end - first;
        return Character.isExtendedPictographic(codePoint)
                || Character.isEmojiPresentation(codePoint)
                || (sequence && Character.isEmoji(codePoint));
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static boolean isBlank(@Nullable String text) {
        return text == null || text.isBlank();
    }

    private static Failure invalid(String why) {
        return new Failure(MessageFailures.INVALID_MESSAGE, why);
    }

    private static Failure pollInvalid(String why) {
        return new Failure(MessageFailures.POLL_INVALID, why);
    }
}
