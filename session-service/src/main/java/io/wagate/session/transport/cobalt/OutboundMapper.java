package io.wagate.session.transport.cobalt;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.MediaFile;
import io.wagate.session.transport.MessageKey;
import io.wagate.session.transport.OutboundMessage;
import it.auties.whatsapp.model.contact.ContactCard;
import it.auties.whatsapp.model.info.ContextInfo;
import it.auties.whatsapp.model.info.ContextInfoBuilder;
import it.auties.whatsapp.model.jid.Jid;
import it.auties.whatsapp.model.message.model.ChatMessageKey;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.message.server.ProtocolMessage;
import it.auties.whatsapp.model.message.server.ProtocolMessageBuilder;
import it.auties.whatsapp.model.message.standard.AudioMessageBuilder;
import it.auties.whatsapp.model.message.standard.ContactMessage;
import it.auties.whatsapp.model.message.standard.ContactMessageBuilder;
import it.auties.whatsapp.model.message.standard.ContactsMessageBuilder;
import it.auties.whatsapp.model.message.standard.DocumentMessageBuilder;
import it.auties.whatsapp.model.message.standard.ImageMessageBuilder;
import it.auties.whatsapp.model.message.standard.LocationMessageBuilder;
import it.auties.whatsapp.model.message.standard.PollCreationMessageBuilder;
import it.auties.whatsapp.model.message.standard.ReactionMessageBuilder;
import it.auties.whatsapp.model.message.standard.StickerMessageBuilder;
import it.auties.whatsapp.model.message.standard.TextMessage;
import it.auties.whatsapp.model.message.standard.TextMessageBuilder;
import it.auties.whatsapp.model.message.standard.VideoOrGifMessageBuilder;
import it.auties.whatsapp.model.poll.PollOption;
import it.auties.whatsapp.model.poll.PollOptionBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Our {@link OutboundMessage} content as the Cobalt message WhatsApp receives, with the stanza
 * attributes some kinds need ({@code edit=1} on an edit, {@code edit=7} on a revoke).
 *
 * <p>Cobalt's "simple" builders are avoided on purpose: they probe media with ffmpeg and count
 * document pages with Aspose, neither of which a gateway host has; media-service already checked and
 * converted the bytes.
 */
final class OutboundMapper {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Clock clock;

    OutboundMapper(Clock clock) {
        this.clock = clock;
    }

    /** A message ready to hand to Cobalt. */
    record Composed(MessageContainer container, Map<String, Object> stanzaAttributes) {

        Composed(MessageContainer container) {
            this(container, Map.of());
        }
    }

    /**
     * @param self this device's account, to name it as the author of a quoted message of its own
     * @throws IOException when the media bytes cannot be read
     */
    Composed compose(OutboundMessage message, @Nullable Jid self) throws IOException {
        ContextInfo context = contextOf(message.to(), message.context(), self);
        return switch (message.content()) {
            case OutboundMessage.Text text -> new Composed(MessageContainer.of(textOf(text, context)));
            case OutboundMessage.Media media -> new Composed(mediaOf(media, context));
            case OutboundMessage.Location location ->
                new Composed(MessageContainer.of(new LocationMessageBuilder()
                        .latitude(location.latitude())
                        .longitude(location.longitude())
                        .name(location.name())
                        .address(location.address())
                        .contextInfo(context)
                        .build()));
            case OutboundMessage.Contacts contacts -> new Composed(contactsOf(contacts, context));
            case OutboundMessage.Poll poll -> new Composed(MessageContainer.of(pollOf(poll, context)));
            case OutboundMessage.Reaction reaction ->
                new Composed(MessageContainer.of(new ReactionMessageBuilder()
                        .key(keyOf(reaction.target()))
                        .content(reaction.emoji())
                        .timestampSeconds(clock.millis())
                        .build()));
            case OutboundMessage.Edit edit ->
                new Composed(
                        MessageContainer.ofEditedMessage(new ProtocolMessageBuilder()
                                .protocolType(ProtocolMessage.Type.MESSAGE_EDIT)
                                .key(keyOf(edit.target()))
                                .editedMessage(MessageContainer.of(new TextMessageBuilder()
                                        .text(edit.text())
                                        .build()))
                                .timestampMilliseconds(clock.millis())
                                .build()),
                        Map.of("edit", 1));
            case OutboundMessage.Revoke revoke ->
                new Composed(
                        MessageContainer.of(new ProtocolMessageBuilder()
                                .protocolType(ProtocolMessage.Type.REVOKE)
                                .key(keyOf(revoke.target()))
                                .build()),
                        Map.of("edit", 7));
        };
    }

    static TextMessage textOf(OutboundMessage.Text text, ContextInfo context) {
        var builder = new TextMessageBuilder().text(text.body()).contextInfo(context);
        OutboundMessage.LinkPreview preview = text.preview();
        if (preview != null) {
            // The card media-service built (SSRF-guarded): Cobalt's own preview fetching stays off.
            builder.matchedText(preview.url())
                    .canonicalUrl(preview.url())
                    .title(preview.title())
                    .description(preview.description())
                    .previewType(TextMessage.PreviewType.NONE);
            if (preview.thumbnailJpeg() != null) {
                builder.thumbnail(preview.thumbnailJpeg());
            }
        }
        return builder.build();
    }

    static MessageContainer mediaOf(OutboundMessage.Media media, ContextInfo context) throws IOException {
        byte[] bytes = readAll(media.file());
        String mimetype = media.file().mimetype();
        return switch (media.kind()) {
            case IMAGE ->
                MessageContainer.of(new ImageMessageBuilder()
                        .mimetype(mimetype)
                        .caption(media.caption())
                        .contextInfo(context)
                        .build()
                        .setDecodedMedia(bytes));
            case VIDEO ->
                MessageContainer.of(new VideoOrGifMessageBuilder()
                        .mimetype(mimetype)
                        .caption(media.caption())
                        .gifPlayback(media.gifPlayback())
                        .contextInfo(context)
                        .build()
                        .setDecodedMedia(bytes));
            case AUDIO, VOICE_NOTE ->
                MessageContainer.of(new AudioMessageBuilder()
                        .mimetype(mimetype)
                        .voiceMessage(media.kind() == io.wagate.session.transport.MediaKind.VOICE_NOTE)
                        .contextInfo(context)
                        .build()
                        .setDecodedMedia(bytes));
            case DOCUMENT -> {
                String filename = media.filename() == null ? "file" : media.filename();
                var document = new DocumentMessageBuilder()
                        .mimetype(mimetype)
                        .fileName(filename)
                        .title(filename)
                        .caption(media.caption())
                        .contextInfo(context)
                        .build()
                        .setDecodedMedia(bytes);
                // WhatsApp shows a document's caption only inside this wrapper.
                yield media.caption() == null
                        ? MessageContainer.of(document)
                        : MessageContainer.ofDocumentWithCaption(document);
            }
            case STICKER ->
                MessageContainer.of(new StickerMessageBuilder()
                        .mimetype(mimetype)
                        .contextInfo(context)
                        .build()
                        .setDecodedMedia(bytes));
        };
    }

    static MessageContainer contactsOf(OutboundMessage.Contacts contacts, ContextInfo context) {
        List<ContactMessage> cards = contacts.cards().stream()
                .map(card -> new ContactMessageBuilder()
                        .name(displayNameOf(card))
                        .vcard(ContactCard.of(card.vcard()))
                        .contextInfo(context)
                        .build())
                .toList();
        if (cards.size() == 1) {
            return MessageContainer.of(cards.getFirst());
        }
        return MessageContainer.of(new ContactsMessageBuilder()
                .name(cards.size() + " contacts")
                .contacts(cards)
                .contextInfo(context)
                .build());
    }

    private static String displayNameOf(OutboundMessage.Contacts.Card card) {
        if (card.displayName() != null && !card.displayName().isBlank()) {
            return card.displayName();
        }
        return ContactCard.of(card.vcard()) instanceof ContactCard.Parsed parsed
                ? parsed.name().orElse("Contact")
                : "Contact";
    }

    static it.auties.whatsapp.model.message.standard.PollCreationMessage pollOf(
            OutboundMessage.Poll poll, ContextInfo context) {
        List<PollOption> options = poll.options().stream()
                .map(name -> new PollOptionBuilder().name(name).build())
                .toList();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        var message = new PollCreationMessageBuilder()
                .encryptionKey(key)
                .title(poll.question())
                .selectableOptions(options)
                .selectableOptionsCount(poll.selectableCount())
                .selectableOptionsMap(new HashMap<>())
                .selectedOptions(new ArrayList<>())
                .contextInfo(context)
                .build();
        // Votes name options by SHA-256 of their text: Cobalt needs the map to read them back.
        options.forEach(option -> message.addSelectableOption(sha256Hex(option.name()), option));
        return message;
    }

    static ContextInfo contextOf(
            io.wagate.session.transport.Jid to, OutboundMessage.Context context, @Nullable Jid self) {
        if (context.quote() == null && context.mentions().isEmpty()) {
            return ContextInfo.empty();
        }
        var builder = new ContextInfoBuilder()
                .mentions(context.mentions().stream().map(CobaltJids::toCobalt).toList());
        OutboundMessage.Quote quote = context.quote();
        if (quote != null) {
            MessageKey key = quote.key();
            builder.quotedMessageId(key.waMessageId())
                    .quotedMessageSenderJid(authorOf(key, self))
                    .quotedMessage(quote.text() == null ? MessageContainer.empty() : MessageContainer.of(quote.text()));
            if (!key.chat().equals(to)) {
                builder.quotedMessageChatJid(CobaltJids.toCobalt(key.chat()));
            }
        }
        return builder.build();
    }

    /** The key WhatsApp names another message by: in a group the participant who wrote it. */
    static ChatMessageKey keyOf(MessageKey key) {
        return new ChatMessageKeyBuilder()
                .chatJid(CobaltJids.toCobalt(key.chat()))
                .fromMe(key.fromMe())
                .id(key.waMessageId())
                .senderJid(key.participant() == null ? null : CobaltJids.toCobalt(key.participant()))
                .build();
    }

    private static @Nullable Jid authorOf(MessageKey key, @Nullable Jid self) {
        if (key.participant() != null) {
            return CobaltJids.toCobalt(key.participant());
        }
        return key.fromMe() ? self : CobaltJids.toCobalt(key.chat());
    }

    private static byte[] readAll(MediaFile file) throws IOException {
        try (InputStream in = file.source().open()) {
            byte[] bytes = in.readAllBytes();
            if (file.size() > 0 && bytes.length != file.size()) {
                throw new IOException("media has " + bytes.length + " bytes, expected " + file.size());
            }
            return bytes;
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
