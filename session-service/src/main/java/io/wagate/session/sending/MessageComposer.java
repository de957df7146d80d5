package io.wagate.session.sending;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.SessionRef;
import io.wagate.session.events.SessionEvent.Failure;
import io.wagate.session.media.MediaService;
import io.wagate.session.messages.KnownMessage;
import io.wagate.session.messages.MessageIndex;
import io.wagate.session.transport.GroupMetadata;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MessageKey;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.WhatsAppConnection;
import io.wagate.session.transport.WhatsAppRefusalException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns a send request into the message the transport sends: checks the content against WhatsApp's
 * rules, resolves the recipient (a Brazilian mobile number in whichever form WhatsApp knows), the
 * message it quotes or aims at, who it mentions, and prepares its media and link preview. What only
 * WhatsApp knows is asked on the session's live connection.
 *
 * <p>A send from the HTTP API and one produced straight to Kafka go through the same checks, so both
 * fail with the same codes (docs/simulator.md lists them).
 */
@Singleton
public class MessageComposer {

    /** How long after sending WhatsApp lets a text be edited. */
    static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    /** How long after sending WhatsApp lets a message be deleted for everyone. */
    static final Duration REVOKE_WINDOW = Duration.ofHours(48);

    /** How long a question to WhatsApp (a lookup, a group's members) may take. */
    static final Duration WHATSAPP_TIMEOUT = Duration.ofSeconds(20);

    private final MessageIndex index;
    private final MediaPreparation media;
    private final Clock clock;

    @Inject
    MessageComposer(MessageIndex index, MediaService media) {
        this(index, media, Clock.systemUTC());
    }

    MessageComposer(MessageIndex index, MediaService media, Clock clock) {
        this.index = index;
        this.media = new MediaPreparation(media);
        this.clock = clock;
    }

    /**
     * @param waMessageId the id the message goes out under, derived from our message id
     * @throws CompositionDeferredException when an answer it needs did not come; try again later
     */
    public Composition compose(SendRequest request, String waMessageId, WhatsAppConnection connection) {
        try {
            OutboundMessage message = build(request, waMessageId, connection);
            index.remember(
                    request.session(),
                    new KnownMessage(
                            request.messageId(),
                            new MessageKey(message.to(), waMessageId, true, null),
                            false,
                            request.content().kind(),
                            previewOf(request.content()),
                            clock.instant()));
            return new Composition.Ready(
                    message, Duration.ofSeconds(request.options().delaySeconds()));
        } catch (Refusal refusal) {
            return new Composition.Refused(refusal.failure);
        }
    }

    private OutboundMessage build(SendRequest request, String waMessageId, WhatsAppConnection connection) {
        SendRules.check(request.content(), request.options()).ifPresent(failure -> {
            throw new Refusal(failure);
        });
        Jid requested = Jid.parse(request.to())
                .orElseThrow(() -> refuse(
                        MessageFailures.INVALID_RECIPIENT, "'" + request.to() + "' is not a WhatsApp number or JID"));
        SessionRef session = request.session();
        return switch (request.content()) {
            case SendContent.Reaction reaction -> {
                KnownMessage target = reactable(session, reaction.targetMessageId());
                yield new OutboundMessage(
                        waMessageId, target.key().chat(), new OutboundMessage.Reaction(target.key(), reaction.emoji()));
            }
            case SendContent.Edit edit -> {
                KnownMessage target = editable(session, edit.targetMessageId());
                yield new OutboundMessage(
                        waMessageId, target.key().chat(), new OutboundMessage.Edit(target.key(), edit.text()));
            }
            case SendContent.Revoke revoke -> {
                KnownMessage target = revocable(session, revoke.targetMessageId());
                yield new OutboundMessage(waMessageId, target.key().chat(), new OutboundMessage.Revoke(target.key()));
            }
            default -> {
                SendOptions options = request.options();
                KnownMessage quoted = options.replyTo() == null ? null : quotable(session, options.replyTo());
                Jid chat = options.replyPrivate() ? privateChatOf(quoted) : recipient(requested, connection);
                var context = new OutboundMessage.Context(
                        quoted == null ? null : new OutboundMessage.Quote(quoted.key(), quoted.preview()),
                        mentions(chat, options, connection));
                yield new OutboundMessage(
                        waMessageId, chat, body(session, request.content(), options.linkPreview()), context);
            }
        };
    }

    /** A Brazilian mobile number goes to whichever form, with or without the ninth digit, WhatsApp knows. */
    private Jid recipient(Jid requested, WhatsAppConnection connection) {
        if (requested.server() != Jid.Server.USER) {
            return requested;
        }
        Optional<String> otherForm = BrazilianNumbers.otherForm(requested.user());
        if (otherForm.isEmpty()) {
            return requested;
        }
        for (String number : List.of(requested.user(), otherForm.get())) {
            Optional<Jid> known = await(connection.lookup(number), "looking up " + number);
            if (known.isPresent()) {
                return known.get();
            }
        }
        throw refuse(
                MessageFailures.NOT_ON_WHATSAPP,
                requested.user() + " is not on WhatsApp, with or without the ninth digit");
    }

    private List<Jid> mentions(Jid chat, SendOptions options, WhatsAppConnection connection) {
        List<Jid> named = SendRules.mentions(options.mentions()).orElseThrow();
        if (named.isEmpty() && !options.mentionAll()) {
            return List.of();
        }
        if (chat.server() != Jid.Server.GROUP) {
            throw refuse(MessageFailures.MENTIONS_NOT_SUPPORTED, "mentions work in group chats only, not in " + chat);
        }
        Set<Jid> mentioned = new LinkedHashSet<>(named);
        if (options.mentionAll()) {
            GroupMetadata group = await(connection.groupMetadata(chat), "reading the members of " + chat);
            group.participants().forEach(member -> mentioned.add(member.jid()));
        }
        return List.copyOf(mentioned);
    }

    private OutboundMessage.Content body(SessionRef session, SendContent content, boolean linkPreview) {
        return switch (content) {
            case SendContent.Text text ->
                new OutboundMessage.Text(text.text(), linkPreview ? media.linkPreview(text.text()) : null);
            case SendContent.Media file -> {
                try {
                    yield media.prepare(session.organizationId(), file);
                } catch (MediaPreparation.Refused refused) {
                    throw new Refusal(refused.failure());
                }
            }
            case SendContent.Location location ->
                new OutboundMessage.Location(
                        location.latitude(), location.longitude(), location.name(), location.address());
            case SendContent.Contacts contacts ->
                new OutboundMessage.Contacts(contacts.cards().stream()
                        .map(card -> new OutboundMessage.Contacts.Card(card.displayName(), card.vcard()))
                        .toList());
            case SendContent.Poll poll ->
                new OutboundMessage.Poll(
                        poll.question(),
                        poll.options().stream().map(String::strip).toList(),
                        poll.selectableCount());
            case SendContent.Reaction ignored -> throw new IllegalStateException("aimed content has no body");
            case SendContent.Edit ignored -> throw new IllegalStateException("aimed content has no body");
            case SendContent.Revoke ignored -> throw new IllegalStateException("aimed content has no body");
        };
    }

    private KnownMessage quotable(SessionRef session, String id) {
        return index.find(session, id)
                .filter(KnownMessage::isContent)
                .orElseThrow(() -> refuse(
                        MessageFailures.REPLY_MESSAGE_NOT_FOUND, "no message " + id + " to reply to in this session"));
    }

    /** Answering a group message privately goes to the member who wrote it. */
    private static Jid privateChatOf(@Nullable KnownMessage quoted) {
        if (quoted == null || quoted.key().chat().server() != Jid.Server.GROUP) {
            throw refuse(MessageFailures.PRIVATE_REPLY_FAILED, "reply_private answers a group message only");
        }
        Jid author = quoted.author();
        if (author == null || author.server() == Jid.Server.GROUP) {
            throw refuse(
                    MessageFailures.PRIVATE_REPLY_FAILED,
                    "the group message " + quoted.messageId() + " has no other author to answer privately");
        }
        return author;
    }

    private KnownMessage reactable(SessionRef session, String id) {
        return index.find(session, id)
                .filter(KnownMessage::isContent)
                .orElseThrow(() -> refuse(
                        MessageFailures.REACTION_TARGET_NOT_FOUND,
                        "no message " + id + " to react to in this session"));
    }

    private KnownMessage editable(SessionRef session, String id) {
        KnownMessage target = index.find(session, id)
                .orElseThrow(() -> refuse(MessageFailures.EDIT_NOT_ALLOWED, "no message " + id + " in this session"));
        if (!target.key().fromMe()) {
            throw refuse(MessageFailures.EDIT_NOT_ALLOWED, "only messages this session's account sent can be edited");
        }
        if (!target.kind().equals("text")) {
            throw refuse(
                    MessageFailures.EDIT_NOT_ALLOWED, "only texts can be edited, " + id + " is a " + target.kind());
        }
        if (target.sentAt().plus(EDIT_WINDOW).isBefore(clock.instant())) {
            throw refuse(
                    MessageFailures.EDIT_NOT_ALLOWED,
                    "WhatsApp allows edits for " + EDIT_WINDOW.toMinutes() + " minutes after sending");
        }
        return target;
    }

    private KnownMessage revocable(SessionRef session, String id) {
        KnownMessage target = index.find(session, id)
                .filter(KnownMessage::isContent)
                .orElseThrow(() -> refuse(MessageFailures.REVOKE_NOT_ALLOWED, "no message " + id + " in this session"));
        if (!target.key().fromMe()) {
            throw refuse(
                    MessageFailures.REVOKE_NOT_ALLOWED, "only messages this session's account sent can be deleted");
        }
        if (target.sentAt().plus(REVOKE_WINDOW).isBefore(clock.instant())) {
            throw refuse(
                    MessageFailures.REVOKE_NOT_ALLOWED,
                    "WhatsApp allows deleting a message for everyone for " + REVOKE_WINDOW.toHours()
                            + " hours after sending; " + id + " is older");
        }
        return target;
    }

    private static @Nullable String previewOf(SendContent content) {
        return switch (content) {
            case SendContent.Text text -> text.text();
            case SendContent.Media file -> file.caption();
            case SendContent.Location location -> location.name();
            case SendContent.Poll poll -> poll.question();
            case SendContent.Edit edit -> edit.text();
            case SendContent.Contacts ignored -> null;
            case SendContent.Reaction reaction -> reaction.emoji();
            case SendContent.Revoke ignored -> null;
        };
    }

    /** WhatsApp's answer to a question; a refusal becomes the message's failure with WhatsApp's code. */
    private static <T> T await(CompletionStage<T> question, String what) {
        try {
            return question.toCompletableFuture().get(WHATSAPP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WhatsAppRefusalException refusal) {
                throw refuse(refusal.code(), refusal.getMessage());
            }
            throw new CompositionDeferredException(what + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new CompositionDeferredException(what + ": no answer within " + WHATSAPP_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompositionDeferredException(what + ": interrupted", e);
        }
    }

    private static Refusal refuse(String code, String why) {
        return new Refusal(new Failure(code, why));
    }

    /** Ends composing with the message's failure. */
    private static final class Refusal extends RuntimeException {

        private final Failure failure;

        Refusal(Failure failure) {
            super(failure.code(), null, false, false);
            this.failure = failure;
        }
    }
}
