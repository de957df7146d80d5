package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MediaFile;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.MessageKey;
import io.wagate.session.transport.OutboundMessage;
import it.auties.whatsapp.model.jid.JidServer;
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
import it.auties.whatsapp.model.message.standard.ReactionMessage;
import it.auties.whatsapp.model.message.standard.StickerMessage;
import it.auties.whatsapp.model.message.standard.TextMessage;
import it.auties.whatsapp.model.message.standard.VideoOrGifMessage;
import it.auties.whatsapp.model.poll.PollOption;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OutboundMapperTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");
    private static final Jid ALICE = new Jid("5511999990001", Jid.Server.USER);
    private static final Jid GROUP = new Jid("120363025246125888", Jid.Server.GROUP);
    private static final it.auties.whatsapp.model.jid.Jid SELF =
            it.auties.whatsapp.model.jid.Jid.of("5511888880000", JidServer.whatsapp(), 0, 0);
    private static final byte[] BYTES = "not really a picture".getBytes(StandardCharsets.UTF_8);

    private final OutboundMapper mapper = new OutboundMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTextIsATextMessage() throws IOException {
        var composed = compose(ALICE, new OutboundMessage.Text("hello"));

        var text = (TextMessage) composed.container().content();
        assertThat(text.text()).isEqualTo("hello");
        assertThat(text.matchedText()).isEmpty();
        assertThat(composed.stanzaAttributes()).isEmpty();
    }

    @Test
    void aLinkPreviewIsTheCardMediaServiceBuiltNotOneCobaltFetches() throws IOException {
        byte[] thumbnail = {(byte) 0xFF, (byte) 0xD8, 1, 2};
        var preview = new OutboundMessage.LinkPreview("https://wagate.io", "wagate", "A gateway", thumbnail);

        var composed = compose(ALICE, new OutboundMessage.Text("see https://wagate.io", preview));

        var text = (TextMessage) composed.container().content();
        assertThat(text.text()).isEqualTo("see https://wagate.io");
        assertThat(text.matchedText()).contains("https://wagate.io");
        assertThat(text.canonicalUrl()).contains("https://wagate.io");
        assertThat(text.title()).contains("wagate");
        assertThat(text.description()).contains("A gateway");
        assertThat(text.thumbnail()).contains(thumbnail);
        assertThat(text.previewType()).contains(TextMessage.PreviewType.NONE);
    }

    @ParameterizedTest
    @EnumSource(MediaKind.class)
    void everyMediaKindCarriesItsBytesForCobaltToUpload(MediaKind kind) throws IOException {
        var media = new OutboundMessage.Media(kind, file("application/x-test"), "a caption", "report.pdf", false);

        Message content = compose(ALICE, media).container().content();

        Class<?> expected =
                switch (kind) {
                    case IMAGE -> ImageMessage.class;
                    case VIDEO -> VideoOrGifMessage.class;
                    case AUDIO, VOICE_NOTE -> AudioMessage.class;
                    case DOCUMENT -> DocumentMessage.class;
                    case STICKER -> StickerMessage.class;
                };
        assertThat(content).isInstanceOf(expected);
        assertThat(((it.auties.whatsapp.model.message.model.MediaMessage<?>) content).decodedMedia())
                .contains(BYTES);
    }

    @Test
    void mediaKeepsItsTypeCaptionAndName() throws IOException {
        var image = (ImageMessage)
                compose(ALICE, new OutboundMessage.Media(MediaKind.IMAGE, file("image/png"), "look", null, false))
                        .container()
                        .content();
        assertThat(image.mimetype()).contains("image/png");
        assertThat(image.caption()).contains("look");

        var gif = (VideoOrGifMessage)
                compose(ALICE, new OutboundMessage.Media(MediaKind.VIDEO, file("video/mp4"), null, null, true))
                        .container()
                        .content();
        assertThat(gif.gifPlayback()).isTrue();

        var voice = (AudioMessage) compose(
                        ALICE,
                        new OutboundMessage.Media(
                                MediaKind.VOICE_NOTE, file("audio/ogg; codecs=opus"), null, null, false))
                .container()
                .content();
        assertThat(voice.voiceMessage()).isTrue();
        assertThat(voice.mimetype()).contains("audio/ogg; codecs=opus");

        var audio = (AudioMessage)
                compose(ALICE, new OutboundMessage.Media(MediaKind.AUDIO, file("audio/mpeg"), null, null, false))
                        .container()
                        .content();
        assertThat(audio.voiceMessage()).isFalse();
    }

    @Test
    void aDocumentWithACaptionTravelsInTheWrapperWhatsAppShowsCaptionsFrom() throws IOException {
        var captioned = compose(
                ALICE,
                new OutboundMessage.Media(MediaKind.DOCUMENT, file("application/pdf"), "Q3", "report.pdf", false));
        var plain = compose(
                ALICE, new OutboundMessage.Media(MediaKind.DOCUMENT, file("application/pdf"), null, null, false));

        var document = (DocumentMessage) captioned.container().content();
        assertThat(captioned.container()).isEqualTo(MessageContainer.ofDocumentWithCaption(document));
        assertThat(captioned.container()).isNotEqualTo(MessageContainer.of(document));
        assertThat(document.fileName()).contains("report.pdf");
        assertThat(document.caption()).contains("Q3");
        assertThat(((DocumentMessage) plain.container().content()).fileName()).contains("file");
    }

    @Test
    void mediaThatIsNotTheAnnouncedSizeIsNotSent() {
        var truncated = new MediaFile("image/png", BYTES.length + 10, "sha", () -> new ByteArrayInputStream(BYTES));

        assertThatThrownBy(
                        () -> compose(ALICE, new OutboundMessage.Media(MediaKind.IMAGE, truncated, null, null, false)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aLocationIsALocationMessage() throws IOException {
        var location =
                (LocationMessage) compose(ALICE, new OutboundMessage.Location(-23.55, -46.63, "Sé", "Praça da Sé"))
                        .container()
                        .content();

        assertThat(location.latitude()).isEqualTo(-23.55);
        assertThat(location.longitude()).isEqualTo(-46.63);
        assertThat(location.name()).contains("Sé");
        assertThat(location.address()).contains("Praça da Sé");
    }

    @Test
    void oneContactIsAContactMessageAndSeveralAreAContactsMessage() throws IOException {
        String vcard =
                "BEGIN:VCARD\nVERSION:3.0\nFN:Ana Souza\nTEL;type=CELL;waid=5511999990001:+55 11 99999-0001\nEND:VCARD";
        var one = compose(ALICE, new OutboundMessage.Contacts(List.of(new OutboundMessage.Contacts.Card(null, vcard))));
        var two = compose(
                ALICE,
                new OutboundMessage.Contacts(List.of(
                        new OutboundMessage.Contacts.Card("Ana", vcard),
                        new OutboundMessage.Contacts.Card("Bia", vcard))));

        var contact = (ContactMessage) one.container().content();
        assertThat(contact.name()).isEqualTo("Ana Souza");
        assertThat(contact.vcard().toVcard()).contains("Ana Souza");
        var contacts = (ContactsMessage) two.container().content();
        assertThat(contacts.contacts()).extracting(ContactMessage::name).containsExactly("Ana", "Bia");
    }

    @Test
    void aPollCarriesItsOptionsAndTheirHashesForReadingVotes() throws IOException {
        var poll =
                (PollCreationMessage) compose(GROUP, new OutboundMessage.Poll("Lunch?", List.of("Pizza", "Sushi"), 1))
                        .container()
                        .content();

        assertThat(poll.title()).isEqualTo("Lunch?");
        assertThat(poll.selectableOptions()).extracting(PollOption::name).containsExactly("Pizza", "Sushi");
        assertThat(poll.selectableOptionsCount()).isEqualTo(1);
        assertThat(poll.encryptionKey())
                .hasValueSatisfying(key -> assertThat(key).hasSize(32));
        assertThat(poll.getSelectableOption(sha256("Pizza")))
                .map(PollOption::name)
                .contains("Pizza");
    }

    @Test
    void aReactionNamesTheMessageItReactsTo() throws IOException {
        var target = new MessageKey(GROUP, "3EB0TARGET", false, ALICE);

        var reaction = (ReactionMessage) compose(GROUP, new OutboundMessage.Reaction(target, "👍"))
                .container()
                .content();

        assertThat(reaction.content()).isEqualTo("👍");
        assertThat(reaction.key().id()).isEqualTo("3EB0TARGET");
        assertThat(reaction.key().chatJid().toString()).isEqualTo(GROUP.toString());
        assertThat(reaction.key().fromMe()).isFalse();
        assertThat(reaction.key().senderJid())
                .hasValueSatisfying(sender -> assertThat(sender.toString()).isEqualTo(ALICE.toString()));
    }

    @Test
    void anEditIsAProtocolMessageUnderAnEditStanza() throws IOException {
        var target = new MessageKey(ALICE, "3EB0ORIGINAL", true, null);

        var composed = compose(ALICE, new OutboundMessage.Edit(target, "fixed typo"));

        assertThat(composed.container().type()).isEqualTo(Message.Type.EDITED);
        var protocol = (ProtocolMessage) composed.container().content();
        assertThat(protocol.protocolType()).isEqualTo(ProtocolMessage.Type.MESSAGE_EDIT);
        assertThat(protocol.key())
                .hasValueSatisfying(key -> assertThat(key.id()).isEqualTo("3EB0ORIGINAL"));
        assertThat(protocol.editedMessage())
                .hasValueSatisfying(edited ->
                        assertThat(((TextMessage) edited.content()).text()).isEqualTo("fixed typo"));
        assertThat(protocol.timestampMilliseconds()).isEqualTo(NOW.toEpochMilli());
        assertThat(composed.stanzaAttributes()).isEqualTo(Map.of("edit", 1));
    }

    @Test
    void aRevokeIsAProtocolMessageUnderASenderRevokeStanza() throws IOException {
        var target = new MessageKey(ALICE, "3EB0ORIGINAL", true, null);

        var composed = compose(ALICE, new OutboundMessage.Revoke(target));

        var protocol = (ProtocolMessage) composed.container().content();
        assertThat(protocol.protocolType()).isEqualTo(ProtocolMessage.Type.REVOKE);
        assertThat(protocol.key()).hasValueSatisfying(key -> {
            assertThat(key.id()).isEqualTo("3EB0ORIGINAL");
            assertThat(key.fromMe()).isTrue();
        });
        assertThat(composed.stanzaAttributes()).isEqualTo(Map.of("edit", 7));
    }

    @Test
    void aQuoteAndMentionsTravelInTheContext() throws IOException {
        var quoted = new MessageKey(GROUP, "3EB0QUOTED", false, ALICE);
        var context = new OutboundMessage.Context(new OutboundMessage.Quote(quoted, "original text"), List.of(ALICE));
        var message = new OutboundMessage("3EB0NEW", GROUP, new OutboundMessage.Text("replying"), context);

        var text = (TextMessage) mapper.compose(message, SELF).container().content();

        var info = text.contextInfo().orElseThrow();
        assertThat(info.quotedMessageId()).contains("3EB0QUOTED");
        assertThat(info.quotedMessageSenderJid())
                .hasValueSatisfying(sender -> assertThat(sender.toString()).isEqualTo(ALICE.toString()));
        assertThat(info.quotedMessage())
                .hasValueSatisfying(container ->
                        assertThat(((TextMessage) container.content()).text()).isEqualTo("original text"));
        assertThat(info.mentions()).extracting(Object::toString).containsExactly(ALICE.toString());
    }

    @Test
    void aQuoteFromAnotherChatNamesThatChat() throws IOException {
        var elsewhere = new MessageKey(GROUP, "3EB0ELSEWHERE", false, ALICE);
        var context = new OutboundMessage.Context(new OutboundMessage.Quote(elsewhere, "said in the group"), List.of());

        var text = (TextMessage) mapper.compose(
                        new OutboundMessage("3EB0NEW", ALICE, new OutboundMessage.Text("privately"), context), SELF)
                .container()
                .content();

        assertThat(text.contextInfo().orElseThrow().quotedMessageChatJid())
                .hasValueSatisfying(chat -> assertThat(chat.toString()).isEqualTo(GROUP.toString()));
    }

    @Test
    void aQuoteOfOurOwnMessageNamesThisDeviceAsItsAuthor() throws IOException {
        var quoted = new MessageKey(ALICE, "3EB0MINE", true, null);
        var context = new OutboundMessage.Context(new OutboundMessage.Quote(quoted, null), List.of());

        var text = (TextMessage)
                mapper.compose(new OutboundMessage("3EB0NEW", ALICE, new OutboundMessage.Text("again"), context), SELF)
                        .container()
                        .content();

        assertThat(text.contextInfo().orElseThrow().quotedMessageSenderJid()).contains(SELF);
    }

    private OutboundMapper.Composed compose(Jid to, OutboundMessage.Content content) throws IOException {
        return mapper.compose(new OutboundMessage("3EB0TEST", to, content), SELF);
    }

    private static MediaFile file(String mimetype) {
        return new MediaFile(mimetype, BYTES.length, "sha", () -> new ByteArrayInputStream(BYTES));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
