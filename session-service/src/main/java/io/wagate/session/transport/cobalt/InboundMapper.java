package io.wagate.session.transport.cobalt;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.InboundMessage;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MediaFile;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.MessageKey;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ContextInfo;
import it.auties.whatsapp.model.message.model.ContextualMessage;
import it.auties.whatsapp.model.message.model.MediaMessage;
import it.auties.whatsapp.model.message.model.Message;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.message.server.ProtocolMessage;
import it.auties.whatsapp.model.message.standard.AudioMessage;
import it.auties.whatsapp.model.message.standard.ContactMessage;
import it.auties.whatsapp.model.message.standard.ContactsMessage;
import it.auties.whatsapp.model.message.standard.DocumentMessage;
import it.auties.whatsapp.model.message.standard.ImageMessage;
import it.auties.whatsapp.model.message.standard.LocationMessage;
import it.auties.whatsapp.model.message.standard.PollCreationMessage;
import it.auties.whatsapp.model.message.standard.PollUpdateMessage;
import it.auties.whatsapp.model.message.standard.ReactionMessage;
import it.auties.whatsapp.model.message.standard.StickerMessage;
import it.auties.whatsapp.model.message.standard.TextMessage;
import it.auties.whatsapp.model.message.standard.VideoOrGifMessage;
import it.auties.whatsapp.model.poll.PollOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A message Cobalt decoded, as our {@link InboundMessage}. Kinds we have no word for (calls, buttons,
 * payments, protocol housekeeping) give nothing. Media is not fetched here: {@code media} turns the
 * message into a source that downloads and decrypts it when opened.
 */
final class InboundMapper {

    private final Function<ChatMessageInfo, MediaFile.Source> media;

    InboundMapper(Function<ChatMessageInfo, MediaFile.Source> media) {
        this.media = media;
    }

    Optional<InboundMessage> map(ChatMessageInfo info) {
        Optional<Jid> chat = CobaltJids.fromCobalt(info.chatJid());
        Optional<Jid> sender = CobaltJids.fromCobalt(info.senderJid());
        if (chat.isEmpty() || sender.isEmpty()) {
            return Optional.empty();
        }
        Message message = info.message().content();
        Optional<InboundMessage.Content> content = contentOf(message, info);
        if (content.isEmpty()) {
            return Optional.empty();
        }
        boolean group = chat.get().server() == Jid.Server.GROUP;
        var key = new MessageKey(chat.get(), info.id(), info.fromMe(), group ? sender.get() : null);
        Optional<ContextInfo> context = contextOf(message);
        return Optional.of(new InboundMessage(
                key,
                sender.get(),
                info.pushName().orElse(null),
                Instant.ofEpochSecond(info.timestampSeconds().orElse(0L)),
                context.map(InboundMapper::mentionsOf).orElse(List.of()),
                context.flatMap(InboundMapper::quotedOf).orElse(null),
                content.get()));
    }

    /** A message deleted for everyone, as Cobalt reports it: the original message, now revoked. */
    Optional<InboundMessage> revoked(ChatMessageInfo original) {
        return map(original)
                .map(message -> new InboundMessage(
                        message.key(),
                        message.sender(),
                        message.pushName(),
                        message.sentAt(),
                        List.of(),
                        null,
                        new InboundMessage.Revoke(original.id())));
    }

    private Optional<InboundMessage.Content> contentOf(Message message, ChatMessageInfo info) {
        InboundMessage.Content content =
                switch (message) {
                    case TextMessage text -> new InboundMessage.Text(text.text());
                    case ImageMessage image -> mediaOf(MediaKind.IMAGE, image, info, image.caption(), null);
                    case VideoOrGifMessage video -> mediaOf(MediaKind.VIDEO, video, info, video.caption(), null);
                    case AudioMessage audio ->
                        mediaOf(
                                audio.voiceMessage() ? MediaKind.VOICE_NOTE : MediaKind.AUDIO,
                                audio,
                                info,
                                Optional.empty(),
                                null);
                    case DocumentMessage document ->
                        mediaOf(
                                MediaKind.DOCUMENT,
                                document,
                                info,
                                document.caption(),
                                document.fileName().orElse(null));
                    case StickerMessage sticker -> mediaOf(MediaKind.STICKER, sticker, info, Optional.empty(), null);
                    case LocationMessage location ->
                        new InboundMessage.Location(
                                location.latitude(),
                                location.longitude(),
                                location.name().orElse(null),
                                location.address().orElse(null));
                    case ContactMessage contact -> new InboundMessage.Contacts(List.of(vcardOf(contact)));
                    case ContactsMessage contacts ->
                        new InboundMessage.Contacts(contacts.contacts().stream()
                                .map(InboundMapper::vcardOf)
                                .toList());
                    case PollCreationMessage poll ->
                        new InboundMessage.Poll(
                                poll.title(),
                                poll.selectableOptions().stream()
                                        .map(PollOption::name)
                                        .toList(),
                                poll.selectableOptionsCount());
                    // Cobalt decrypts a vote only when it still holds the poll; otherwise the selection is empty.
                    case PollUpdateMessage vote ->
                        new InboundMessage.PollVote(
                                vote.pollCreationMessageKey().id(),
                                vote.votes().stream().map(PollOption::name).toList());
                    case ReactionMessage reaction ->
                        new InboundMessage.Reaction(
                                reaction.key().id(), reaction.content() == null ? "" : reaction.content());
                    case ProtocolMessage protocol -> protocolContentOf(protocol);
                    default -> null;
                };
        return Optional.ofNullable(content);
    }

    private static @Nullable InboundMessage.Content protocolContentOf(ProtocolMessage protocol) {
        String target = protocol.key().map(key -> key.id()).orElse(null);
        if (target == null) {
            return null;
        }
        return switch (protocol.protocolType()) {
            case REVOKE -> new InboundMessage.Revoke(target);
            case MESSAGE_EDIT ->
                protocol.editedMessage()
                        .map(MessageContainer::content)
                        .filter(TextMessage.class::isInstance)
                        .map(edited ->
                                (InboundMessage.Content) new InboundMessage.Edit(target, ((TextMessage) edited).text()))
                        .orElse(null);
            default -> null;
        };
    }

    private InboundMessage.Media mediaOf(
            MediaKind kind,
            MediaMessage<?> message,
            ChatMessageInfo info,
            Optional<String> caption,
            @Nullable String filename) {
        String mimetype = mimetypeOf(message).orElseGet(() -> defaultMimetype(kind));
        long size = message.mediaSize().orElse(0);
        return new InboundMessage.Media(kind, mimetype, size, media.apply(info), caption.orElse(null), filename);
    }

    private static Optional<String> mimetypeOf(MediaMessage<?> message) {
        return switch (message) {
            case ImageMessage image -> image.mimetype();
            case VideoOrGifMessage video -> video.mimetype();
            case AudioMessage audio -> audio.mimetype();
            case DocumentMessage document -> document.mimetype();
            case StickerMessage sticker -> sticker.mimetype();
            default -> Optional.empty();
        };
    }

    private static String defaultMimetype(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> "image/jpeg";
            case VIDEO -> "video/mp4";
            case AUDIO -> "audio/mpeg";
            case VOICE_NOTE -> "audio/ogg; codecs=opus";
            case DOCUMENT -> "application/octet-stream";
            case STICKER -> "image/webp";
        };
    }

    private static String vcardOf(ContactMessage contact) {
        return contact.vcard() == null ? "" : contact.vcard().toVcard();
    }

    private static Optional<ContextInfo> contextOf(Message message) {
        return message instanceof ContextualMessage<?> contextual ? contextual.contextInfo() : Optional.empty();
    }

    private static List<Jid> mentionsOf(ContextInfo context) {
        return context.mentions().stream()
                .map(CobaltJids::fromCobalt)
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<InboundMessage.Quoted> quotedOf(ContextInfo context) {
        return context.quotedMessageId()
                .map(id -> new InboundMessage.Quoted(
                        id,
                        context.quotedMessageSenderJid()
                                .flatMap(CobaltJids::fromCobalt)
                                .orElse(null),
                        context.quotedMessage()
                                .map(MessageContainer::content)
                                .filter(TextMessage.class::isInstance)
                                .map(quoted -> ((TextMessage) quoted).text())
                                .orElse(null)));
    }
}
