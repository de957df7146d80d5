package io.wagate.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.EditContent;
import io.wagate.schemas.v1.GroupInfo;
import io.wagate.schemas.v1.GroupParticipant;
import io.wagate.schemas.v1.GroupRole;
import io.wagate.schemas.v1.MediaKind;
import io.wagate.schemas.v1.MessageReceived;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.PollContent;
import io.wagate.schemas.v1.QuotedContext;
import io.wagate.schemas.v1.ReactionContent;
import io.wagate.schemas.v1.ReceivedContacts;
import io.wagate.schemas.v1.ReceivedEdit;
import io.wagate.schemas.v1.ReceivedLocation;
import io.wagate.schemas.v1.ReceivedMedia;
import io.wagate.schemas.v1.ReceivedPoll;
import io.wagate.schemas.v1.ReceivedPollVote;
import io.wagate.schemas.v1.ReceivedReaction;
import io.wagate.schemas.v1.ReceivedRevoke;
import io.wagate.schemas.v1.ReceivedText;
import io.wagate.schemas.v1.RevokeContent;
import io.wagate.schemas.v1.SendOptions;
import io.wagate.schemas.v1.TextContent;
import io.wagate.session.sending.WhatsAppMessageIds;
import io.wagate.session.testing.MediaServiceContractStub;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MessageKey;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.simulator.SimulatedSamples;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Messages that arrive, driven through the simulator's replying phone (…0004), and group commands,
 * against the real broker, PostgreSQL and Redis.
 */
@ExtendWith(InfrastructureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InboundMessagingIT {

    private static final String PHONE = "5511900000004";
    private static final String PHONE_JID = PHONE + "@s.whatsapp.net";
    private static final String TEST_GROUP = "120363000000000001@g.us";

    private MessagingHarness harness;

    @BeforeAll
    void startWithAConnectedSession(Infrastructure infra) {
        harness = new MessagingHarness(infra);
        harness.connect();
    }

    @AfterAll
    void stop() throws InterruptedException {
        harness.close();
    }

    @Test
    @Order(1)
    void everyKindThePhoneSendsArrivesAsMessageReceived() {
        // Given
        List<String> asks = List.of(
                "send me a text",
                "send me an image",
                "send me a video",
                "send me an audio",
                "send me a voice note",
                "send me a document",
                "send me a sticker",
                "send me a location",
                "send me a contact",
                "send me a poll");
        int before = harness.received().size();

        // When
        asks.forEach(ask -> harness.send(PHONE, new TextContent(ask)));

        // Then
        List<MessageReceived> received = harness.awaitReceived(before, asks.size());
        assertThat(received).allSatisfy(message -> {
            assertThat(message.getMessageId()).startsWith("msg_");
            assertThat(message.getChat()).isEqualTo(PHONE_JID);
            assertThat(message.getSender()).isEqualTo(PHONE_JID);
            assertThat(message.getPushName()).isEqualTo("Simulated phone");
            assertThat(message.getQuoted()).isNull();
        });
        assertThat(received.get(0).getContent()).isEqualTo(new ReceivedText("A text from the simulated phone"));
        assertThat(received.subList(1, 7))
                .extracting(message -> ((ReceivedMedia) message.getContent()).getKind())
                .containsExactly(
                        MediaKind.IMAGE,
                        MediaKind.VIDEO,
                        MediaKind.AUDIO,
                        MediaKind.VOICE_NOTE,
                        MediaKind.DOCUMENT,
                        MediaKind.STICKER);
        assertStored((ReceivedMedia) received.get(1).getContent(), "image/png", SimulatedSamples.png());
        assertStored(
                (ReceivedMedia) received.get(4).getContent(), "audio/ogg; codecs=opus", SimulatedSamples.oggOpus());
        var document = (ReceivedMedia) received.get(5).getContent();
        assertStored(document, "application/pdf", SimulatedSamples.pdf());
        assertThat(document.getFilename()).isEqualTo("simulated.pdf");
        assertThat(document.getCaption()).isEqualTo("A document from the simulated phone");
        assertThat(received.get(7).getContent())
                .isEqualTo(new ReceivedLocation(-23.5505, -46.6333, "Praça da Sé", "São Paulo, Brazil"));
        assertThat(((ReceivedContacts) received.get(8).getContent()).getVcards())
                .singleElement()
                .asString()
                .startsWith("BEGIN:VCARD");
        assertThat(received.get(9).getContent())
                .isEqualTo(new ReceivedPoll("Which day suits you?", List.of("Monday", "Tuesday", "Wednesday"), 1));
        assertThat(harness.media.inboundIds()).hasSize(6);
    }

    @Test
    @Order(2)
    void reactionsEditsDeletionsVotesAndQuotesPointAtTheirMessages() {
        // Given
        int before = harness.received().size();

        // When
        String reactTo = harness.send(PHONE, new TextContent("react to this"));
        harness.send(PHONE, new TextContent("send me an edit"));
        harness.send(PHONE, new TextContent("send me a revoke"));
        String poll = harness.send(PHONE, new PollContent("When?", List.of("Mon", "Tue", "Wed"), 2));
        String echoed = harness.send(PHONE, new TextContent("are you there?"));

        // Then
        List<MessageReceived> received = harness.awaitReceived(before, 7);
        assertThat(received.get(0).getContent())
                .isEqualTo(new ReceivedReaction(WhatsAppMessageIds.derive(reactTo), "👍"));
        assertThat(received.get(2).getContent())
                .isEqualTo(new ReceivedEdit(received.get(1).getWaMessageId(), "A text the simulated phone edited"));
        assertThat(received.get(4).getContent())
                .isEqualTo(new ReceivedRevoke(received.get(3).getWaMessageId()));
        assertThat(received.get(5).getContent())
                .isEqualTo(new ReceivedPollVote(WhatsAppMessageIds.derive(poll), List.of("Mon", "Tue")));
        MessageReceived echo = received.get(6);
        assertThat(echo.getContent()).isEqualTo(new ReceivedText("echo: are you there?"));
        assertThat(echo.getQuoted())
                .isEqualTo(new QuotedContext(
                        WhatsAppMessageIds.derive(echoed), echoed, harness.selfJid(), "are you there?"));
    }

    @Test
    @Order(3)
    void anInboundMessageCanBeQuotedAndReactedToButNotEditedOrDeleted() {
        // Given
        int before = harness.received().size();
        harness.send(PHONE, new TextContent("send me a text"));
        MessageReceived theirs = harness.awaitReceived(before, 1).getFirst();
        var theirKey = new MessageKey(Jid.parse(PHONE_JID).orElseThrow(), theirs.getWaMessageId(), false, null);

        // When
        String reply = harness.send(
                PHONE,
                new TextContent("got it"),
                SendOptions.newBuilder().setReplyTo(theirs.getMessageId()).build());
        String reaction = harness.send(PHONE, new ReactionContent(theirs.getWaMessageId(), "❤️"));
        String edit = harness.send(PHONE, new EditContent(theirs.getMessageId(), "mine now"));
        String revoke = harness.send(PHONE, new RevokeContent(theirs.getMessageId()));

        // Then
        assertThat(harness.delivered(reply).context().quote())
                .isEqualTo(new OutboundMessage.Quote(theirKey, "A text from the simulated phone"));
        assertThat(harness.delivered(reaction).content()).isEqualTo(new OutboundMessage.Reaction(theirKey, "❤️"));
        assertThat(harness.awaitFailure(edit)).isEqualTo("edit_not_allowed");
        assertThat(harness.awaitFailure(revoke)).isEqualTo("revoke_not_allowed");
    }

    @Test
    @Order(4)
    void aGroupMessageNamesItsAuthorAndCanBeAnsweredPrivately() {
        // Given
        harness.send(PHONE, new TextContent("send me a group message"));
        await().atMost(MessagingHarness.PATIENCE).until(() -> harness.received().stream()
                .anyMatch(message -> message.getChat().equals(TEST_GROUP)));
        MessageReceived inGroup = harness.received().stream()
                .filter(message -> message.getChat().equals(TEST_GROUP))
                .findFirst()
                .orElseThrow();

        // Then it is the group's, written by the phone, mentioning us
        assertThat(inGroup.getChat()).isEqualTo(TEST_GROUP);
        assertThat(inGroup.getSender()).isEqualTo(PHONE_JID);
        assertThat(inGroup.getMentions()).containsExactly(harness.selfJid());

        // When answered privately
        String privately = harness.send(
                TEST_GROUP,
                new TextContent("just between us"),
                SendOptions.newBuilder()
                        .setReplyTo(inGroup.getMessageId())
                        .setReplyPrivate(true)
                        .build());

        // Then the answer goes to the author's chat, quoting the group message
        assertThat(harness.awaitStatus(privately, MessageStatus.READ))
                .allSatisfy(event -> assertThat(event.getRecipient()).isEqualTo(PHONE_JID));
        assertThat(harness.delivered(privately).context().quote().key())
                .isEqualTo(new MessageKey(
                        Jid.parse(TEST_GROUP).orElseThrow(),
                        inGroup.getWaMessageId(),
                        false,
                        Jid.parse(PHONE_JID).orElseThrow()));
    }

    @Test
    @Order(5)
    void theTestGroupIsDescribedWithItsMembers() {
        String commandId = harness.describeGroup(harness.sessionId, TEST_GROUP);

        await().atMost(MessagingHarness.PATIENCE)
                .until(() -> harness.groupInfo(commandId).isPresent());
        GroupInfo info = harness.groupInfo(commandId).orElseThrow();
        assertThat(info.getGroupJid()).isEqualTo(TEST_GROUP);
        assertThat(info.getSubject()).isEqualTo("wagate test group");
        assertThat(info.getOwner()).isEqualTo(PHONE_JID);
        assertThat(info.getParticipants())
                .containsExactly(
                        new GroupParticipant(PHONE_JID, GroupRole.SUPERADMIN),
                        new GroupParticipant("5511999999999@s.whatsapp.net", GroupRole.ADMIN),
                        new GroupParticipant("5511900000001@s.whatsapp.net", GroupRole.MEMBER),
                        new GroupParticipant(harness.selfJid(), GroupRole.MEMBER));
    }

    @Test
    @Order(6)
    void aValidInviteJoinsTheGroupAndAnExpiredOneFails() {
        String unknownYet = harness.describeGroup(harness.sessionId, "120363000000000002@g.us");
        String joined = harness.joinGroup("https://chat.whatsapp.com/SimulatorInviteValid01");
        String expired = harness.joinGroup("SimulatorInviteExpired");
        String malformed = harness.joinGroup("not an invite!");

        await().atMost(MessagingHarness.PATIENCE)
                .until(() -> harness.groupInfo(joined).isPresent());
        assertThat(harness.groupInfo(joined).orElseThrow().getGroupJid()).isEqualTo("120363000000000002@g.us");
        assertThat(harness.groupInfo(joined).orElseThrow().getParticipants())
                .extracting(GroupParticipant::getJid)
                .contains(harness.selfJid());
        assertThat(failureOf(unknownYet).getCode()).isEqualTo("group_not_found");
        assertThat(failureOf(expired).getCode()).isEqualTo("invalid_invite");
        assertThat(failureOf(malformed).getCode()).isEqualTo("invalid_invite");
    }

    @Test
    @Order(7)
    void groupCommandsForAnUnknownGroupOrASessionNotRunningFail() {
        String unknownGroup = harness.describeGroup(harness.sessionId, "120363999999999999@g.us");
        String notAGroup = harness.describeGroup(harness.sessionId, "5511999999999@s.whatsapp.net");
        String notRunning = harness.describeGroup(Commands.newSessionId(), TEST_GROUP);

        assertThat(failureOf(unknownGroup).getCode()).isEqualTo("group_not_found");
        assertThat(failureOf(notAGroup).getCode()).isEqualTo("group_not_found");
        assertThat(failureOf(notRunning).getCode()).isEqualTo("not_connected");
    }

    @Test
    @Order(8)
    void mediaThatMediaServiceRefusesIsStillAnnouncedWithItsReasonAndCanBeReactedTo() {
        // Given media-service takes no inbound media as large as the phone's image
        harness.media.limitsInboundTo(SimulatedSamples.png().length - 1);
        int before = harness.received().size();
        int storedBefore = harness.media.inboundIds().size();

        try {
            // When the phone sends it
            harness.send(PHONE, new TextContent("send me an image"));

            // Then the message arrives without its bytes, as WhatsApp described it, saying why
            MessageReceived received = harness.awaitReceived(before, 1).getFirst();
            var image = (ReceivedMedia) received.getContent();
            assertThat(image.getKind()).isEqualTo(MediaKind.IMAGE);
            assertThat(image.getMediaId()).isNull();
            assertThat(image.getSha256()).isNull();
            assertThat(image.getMimetype()).isEqualTo("image/png");
            assertThat(image.getSize()).isEqualTo(SimulatedSamples.png().length);
            assertThat(image.getCaption()).isEqualTo("An image from the simulated phone");
            assertThat(image.getError().getCode()).isEqualTo("media_too_large");
            assertThat(image.getError().getMessage()).contains("limit");
            assertThat(harness.media.inboundIds()).hasSize(storedBefore);

            // And it is indexed: a reaction to it by our id reaches it
            String reaction = harness.send(PHONE, new ReactionContent(received.getMessageId(), "👀"));
            var theirKey = new MessageKey(Jid.parse(PHONE_JID).orElseThrow(), received.getWaMessageId(), false, null);
            assertThat(harness.delivered(reaction).content()).isEqualTo(new OutboundMessage.Reaction(theirKey, "👀"));
        } finally {
            harness.media.limitsInboundTo(Long.MAX_VALUE);
        }
    }

    private CommandFailed failureOf(String commandId) {
        await().atMost(MessagingHarness.PATIENCE)
                .until(() -> harness.commandFailed(commandId).isPresent());
        return harness.commandFailed(commandId).orElseThrow();
    }

    private void assertStored(ReceivedMedia received, String mimetype, byte[] bytes) {
        MediaServiceContractStub.Stored stored = harness.media.stored(received.getMediaId());
        assertThat(stored).isNotNull();
        assertThat(stored.bytes()).isEqualTo(bytes);
        assertThat(stored.mimetype()).isEqualTo(mimetype);
        assertThat(stored.organizationId()).isEqualTo(harness.organizationId);
        assertThat(received.getMimetype()).isEqualTo(mimetype);
        assertThat(received.getSize()).isEqualTo(bytes.length);
        assertThat(received.getSha256()).isEqualTo(MediaServiceContractStub.sha256(bytes));
    }
}
