package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.session.transport.InboundMessage;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MediaFile;
import io.wagate.session.transport.MediaKind;
import it.auties.whatsapp.model.contact.ContactCard;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.ChatMessageInfoBuilder;
import it.auties.whatsapp.model.info.ContextInfoBuilder;
import it.auties.whatsapp.model.jid.JidServer;
import it.auties.whatsapp.model.message.model.ChatMessageKeyBuilder;
import it.auties.whatsapp.model.message.model.Message;
import it.auties.whatsapp.model.message.model.MessageContainer;
import it.auties.whatsapp.model.message.server.ProtocolMessage;
import it.auties.whatsapp.model.message.server.ProtocolMessageBuilder;
import it.auties.whatsapp.model.message.standard.AudioMessageBuilder;
import it.auties.whatsapp.model.message.standard.ContactMessageBuilder;
import it.auties.whatsapp.model.message.standard.ContactsMessageBuilder;
import it.auties.whatsapp.model.message.standard.DocumentMessageBuilder;
import it.auties.whatsapp.model.message.standard.ImageMessageBuilder;
import it.auties.whatsapp.model.message.standard.LocationMessageBuilder;
import it.auties.whatsapp.model.message.standard.PollCreationMessageBuilder;
import it.auties.whatsapp.model.message.standard.ReactionMessageBuilder;
import it.auties.whatsapp.model.message.standard.StickerMessageBuilder;
import it.auties.whatsapp.model.message.standard.TextMessageBuilder;
import it.auties.whatsapp.model.message.standard.VideoOrGifMessageBuilder;
import it.auties.whatsapp.model.poll.PollOptionBuilder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InboundMapperTest {

    private static final it.auties.whatsapp.model.jid.Jid ALICE =
            it.auties.whatsapp.model.jid.Jid.of("5511999990001", JidServer.whatsapp(), 0, 0);
    private static final it.auties.whatsapp.model.jid.Jid ALICE_PHONE =
            it.auties.whatsapp.model.jid.Jid.of("5511999990001", JidServer.whatsapp(), 3, 0);
    private static final it.auties.whatsapp.model.jid.Jid BIA =
            it.auties.whatsapp.model.jid.Jid.of("5511999990002", JidServer.whatsapp(), 0, 0);
    private static final it.auties.whatsapp.model.jid.Jid GROUP =
            it.auties.whatsapp.model.jid.Jid.of("120363025246125888", JidServer.groupOrCommunity(), 0, 0);
    private static final long SENT = 1_700_000_000L;

    private final AtomicReference<ChatMessageInfo> downloaded = new AtomicReference<>();
    private final InboundMapper mapper = new InboundMapper(info -> () -> {
        downloaded.set(info);
        return new ByteArrayInputStream(new byte[] {1, 2, 3});
    });

    @Test
    void aTextFromSomeoneIsATextInTheirChat() {
        var message = mapper.map(info(
                        ALICE,
                        ALICE,
                        "3EB0A",
                        false,
                        new TextMessageBuilder().text("hi").build()))
                .orElseThrow();

        assertThat(message.content()).isEqualTo(new InboundMessage.Text("hi"));
        assertThat(message.key().chat()).isEqualTo(new Jid("5511999990001", Jid.Server.USER));
        assertThat(message.key().waMessageId()).isEqualTo("3EB0A");
        assertThat(message.key().fromMe()).isFalse();
        assertThat(message.key().participant()).isNull();
        assertThat(message.sender()).isEqualTo(new Jid("5511999990001", Jid.Server.USER));
        assertThat(message.pushName()).isEqualTo("Alice");
        assertThat(message.sentAt()).isEqualTo(Instant.ofEpochSecond(SENT));
    }

    @Test
    void aGroupMessageNamesItsAuthorAsParticipantWithoutTheirDevice() {
        var message = mapper.map(info(
                        GROUP,
                        ALICE_PHONE,
                        "3EB0G",
                        false,
                        new TextMessageBuilder().text("all").build()))
                .orElseThrow();

        assertThat(message.key().chat()).isEqualTo(new Jid("120363025246125888", Jid.Server.GROUP));
        assertThat(message.key().participant()).isEqualTo(new Jid("5511999990001", Jid.Server.USER));
        assertThat(message.sender()).isEqualTo(new Jid("5511999990001", Jid.Server.USER));
    }

    @Test
    void mentionsAndTheQuotedMessageComeFromTheContext() {
        var context = new ContextInfoBuilder()
                .mentions(List.of(BIA))
                .quotedMessageId("3EB0Q")
                .quotedMessageSenderJid(BIA)
                .quotedMessage(MessageContainer.of("the original"))
                .build();
        var text =
                new TextMessageBuilder().text("@Bia look").contextInfo(context).build();

        var message = mapper.map(info(GROUP, ALICE, "3EB0R", false, text)).orElseThrow();

        var bia = new Jid("5511999990002", Jid.Server.USER);
        assertThat(message.mentions()).containsExactly(bia);
        assertThat(message.quoted()).isEqualTo(new InboundMessage.Quoted("3EB0Q", bia, "the original"));
    }

    @Test
    void everyMediaKindIsMediaThatDownloadsWhenOpened() throws IOException {
        var image = mapper.map(info(
                        ALICE,
                        ALICE,
                        "I",
                        false,
                        new ImageMessageBuilder()
                                .mimetype("image/png")
                                .caption("pic")
                                .mediaSize(2048L)
                                .build()))
                .orElseThrow();
        var video = mapOf(new VideoOrGifMessageBuilder().mimetype("video/mp4").build());
        var voice = mapOf(new AudioMessageBuilder().voiceMessage(true).build());
        var audio = mapOf(new AudioMessageBuilder()
                .mimetype("audio/mpeg")
                .voiceMessage(false)
                .build());
        var document = mapOf(new DocumentMessageBuilder()
                .mimetype("application/pdf")
                .fileName("report.pdf")
                .caption("Q3")
                .build());
        var sticker = mapOf(new StickerMessageBuilder().mimetype("image/webp").build());

        assertThat(image.content()).isInstanceOfSatisfying(InboundMessage.Media.class, media -> {
            assertThat(media.kind()).isEqualTo(MediaKind.IMAGE);
            assertThat(media.mimetype()).isEqualTo("image/png");
            assertThat(media.size()).isEqualTo(2048);
            assertThat(media.caption()).isEqualTo("pic");
        });
        assertThat(((InboundMessage.Media) video.content()).size())
                .as("WhatsApp did not say")
                .isZero();
        assertThat(kindOf(video)).isEqualTo(MediaKind.VIDEO);
        assertThat(kindOf(voice)).isEqualTo(MediaKind.VOICE_NOTE);
        assertThat(((InboundMessage.Media) voice.content()).mimetype()).isEqualTo("audio/ogg; codecs=opus");
        assertThat(kindOf(audio)).isEqualTo(MediaKind.AUDIO);
        assertThat(document.content()).isInstanceOfSatisfying(InboundMessage.Media.class, media -> {
            assertThat(media.kind()).isEqualTo(MediaKind.DOCUMENT);
            assertThat(media.filename()).isEqualTo("report.pdf");
            assertThat(media.caption()).isEqualTo("Q3");
        });
        assertThat(kindOf(sticker)).isEqualTo(MediaKind.STICKER);

        // Nothing is downloaded until the bytes are asked for.
        assertThat(downloaded.get()).isNull();
        MediaFile.Source bytes = ((InboundMessage.Media) image.content()).bytes();
        try (var in = bytes.open()) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
        assertThat(downloaded.get().id()).isEqualTo("I");
    }

    @Test
    void locationsContactsAndPollsKeepWhatTheySay() {
        var location = mapOf(new LocationMessageBuilder()
                .latitude(-23.55)
                .longitude(-46.63)
                .name("Sé")
                .address("Praça da Sé")
                .build());
        String vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD";
        var contact = new ContactMessageBuilder()
                .name("Ana")
                .vcard(ContactCard.of(vcard))
                .build();
        var one = mapOf(contact);
        var several = mapOf(new ContactsMessageBuilder()
                .name("2 contacts")
                .contacts(List.of(contact, contact))
                .build());
        var poll = mapOf(new PollCreationMessageBuilder()
                .title("Lunch?")
                .selectableOptions(List.of(
                        new PollOptionBuilder().name("Pizza").build(),
                        new PollOptionBuilder().name("Sushi").build()))
                .selectableOptionsCount(1)
                .selectableOptionsMap(new HashMap<>())
                .selectedOptions(new ArrayList<>())
                .build());

        assertThat(location.content()).isEqualTo(new InboundMessage.Location(-23.55, -46.63, "Sé", "Praça da Sé"));
        assertThat(one.content())
                .isInstanceOfSatisfying(InboundMessage.Contacts.class, contacts -> assertThat(contacts.vcards())
                        .singleElement()
                        .asString()
                        .contains("FN:Ana"));
        assertThat(((InboundMessage.Contacts) several.content()).vcards()).hasSize(2);
        assertThat(poll.content()).isEqualTo(new InboundMessage.Poll("Lunch?", List.of("Pizza", "Sushi"), 1));
    }

    @Test
    void aReactionNamesItsTarget() {
        var target = new ChatMessageKeyBuilder()
                .id("3EB0T")
                .chatJid(ALICE)
                .fromMe(true)
                .build();

        var reaction =
                mapOf(new ReactionMessageBuilder().key(target).content("❤️").build());
        var removed = mapOf(new ReactionMessageBuilder().key(target).build());

        assertThat(reaction.content()).isEqualTo(new InboundMessage.Reaction("3EB0T", "❤️"));
        assertThat(removed.content()).isEqualTo(new InboundMessage.Reaction("3EB0T", ""));
    }

    @Test
    void protocolMessagesThatRevokeOrEditAreRevokesAndEdits() {
        var target = new ChatMessageKeyBuilder().id("3EB0T").chatJid(ALICE).build();
        var revoke = mapOf(new ProtocolMessageBuilder()
                .protocolType(ProtocolMessage.Type.REVOKE)
                .key(target)
                .build());
        var edit = mapOf(new ProtocolMessageBuilder()
                .protocolType(ProtocolMessage.Type.MESSAGE_EDIT)
                .key(target)
                .editedMessage(MessageContainer.of("new words"))
                .build());

        assertThat(revoke.content()).isEqualTo(new InboundMessage.Revoke("3EB0T"));
        assertThat(edit.content()).isEqualTo(new InboundMessage.Edit("3EB0T", "new words"));
    }

    @Test
    void aMessageDeletedForEveryoneIsARevokeOfIt() {
        var original = info(
                ALICE,
                ALICE,
                "3EB0GONE",
                false,
                new TextMessageBuilder().text("oops").build());

        var revoked = mapper.revoked(original).orElseThrow();

        assertThat(revoked.content()).isEqualTo(new InboundMessage.Revoke("3EB0GONE"));
        assertThat(revoked.key().waMessageId()).isEqualTo("3EB0GONE");
    }

    @Test
    void kindsWeHaveNoWordForAndUnaddressableChatsGiveNothing() {
        var empty = info(ALICE, ALICE, "E", false, MessageContainer.empty());
        var status = info(
                it.auties.whatsapp.model.jid.Jid.of("status@broadcast"),
                ALICE,
                "S",
                false,
                new TextMessageBuilder().text("story").build());

        assertThat(mapper.map(empty)).isEmpty();
        assertThat(mapper.map(status)).isEmpty();
    }

    private InboundMessage mapOf(Message content) {
        return mapper.map(info(ALICE, ALICE, "M", false, content)).orElseThrow();
    }

    private static MediaKind kindOf(InboundMessage message) {
        return ((InboundMessage.Media) message.content()).kind();
    }

    private static ChatMessageInfo info(
            it.auties.whatsapp.model.jid.Jid chat,
            it.auties.whatsapp.model.jid.Jid sender,
            String id,
            boolean fromMe,
            Message content) {
        return info(chat, sender, id, fromMe, MessageContainer.of(content));
    }

    private static ChatMessageInfo info(
            it.auties.whatsapp.model.jid.Jid chat,
            it.auties.whatsapp.model.jid.Jid sender,
            String id,
            boolean fromMe,
            MessageContainer container) {
        var key = new ChatMessageKeyBuilder()
                .id(id)
                .chatJid(chat)
                .fromMe(fromMe)
                .senderJid(sender)
                .build();
        return new ChatMessageInfoBuilder()
                .key(key)
                .senderJid(sender)
                .pushName("Alice")
                .timestampSeconds(SENT)
                .message(container)
                .build();
    }
}
