package io.wagate.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.wagate.schemas.v1.AudioContent;
import io.wagate.schemas.v1.ContactCard;
import io.wagate.schemas.v1.ContactContent;
import io.wagate.schemas.v1.DocumentContent;
import io.wagate.schemas.v1.EditContent;
import io.wagate.schemas.v1.ImageContent;
import io.wagate.schemas.v1.LocationContent;
import io.wagate.schemas.v1.MediaRef;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.PollContent;
import io.wagate.schemas.v1.ReactionContent;
import io.wagate.schemas.v1.RevokeContent;
import io.wagate.schemas.v1.SendOptions;
import io.wagate.schemas.v1.StickerContent;
import io.wagate.schemas.v1.TextContent;
import io.wagate.schemas.v1.VideoContent;
import io.wagate.session.sending.WhatsAppMessageIds;
import io.wagate.session.testing.MediaServiceContractStub;
import io.wagate.session.transport.ChatPresence;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MessageKey;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.simulator.SimulatedMessage;
import io.wagate.session.transport.simulator.SimulatedPresence;
import io.wagate.session.transport.simulator.SimulatedSamples;
import io.wagate.testsupport.Infrastructure;
import io.wagate.testsupport.InfrastructureExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every kind of message and every option, produced to Kafka as api-service produces them, sent
 * through the simulator: the events say what happened, the simulated recipient what arrived.
 */
@ExtendWith(InfrastructureExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutboundMessagingIT {

    private static final String READER = "5511999999999";
    private static final String READER_JID = READER + "@s.whatsapp.net";
    private static final String TEST_GROUP = "120363000000000001@g.us";

    private MessagingHarness harness;
    private MediaServiceContractStub media;

    @BeforeAll
    void startWithAConnectedSession(Infrastructure infra) {
        harness = new MessagingHarness(infra);
        media = harness.media;
        harness.connect();
    }

    @AfterAll
    void stop() throws InterruptedException {
        harness.close();
    }

    @Test
    @Order(1)
    void everyKindIsSentAndTheRecipientSeesWhatWasSent() {
        // Given media the way users hand it over: uploads and URLs
        String photo = media.upload(harness.organizationId, "image/png", SimulatedSamples.png(), "photo.png");
        String note = media.upload(harness.organizationId, "audio/ogg", SimulatedSamples.oggOpus(), "note.ogg");
        String report = media.upload(harness.organizationId, "application/pdf", SimulatedSamples.pdf(), "upload.pdf");
        media.serves("https://cdn.example.com/clip.mp4", "video/mp4", SimulatedSamples.mp4());
        media.serves("https://cdn.example.com/song.mp3", "audio/mpeg", SimulatedSamples.mp3());
        media.serves("https://cdn.example.com/sticker.webp", "image/webp", SimulatedSamples.webp());

        // When
        Map<String, String> sent = new LinkedHashMap<>();
        sent.put("text", harness.send(READER, new TextContent("hello")));
        sent.put("image", harness.send(READER, new ImageContent(byId(photo), "a photo")));
        sent.put(
                "video",
                harness.send(READER, new VideoContent(byUrl("https://cdn.example.com/clip.mp4"), "a clip", false)));
        sent.put("audio", harness.send(READER, new AudioContent(byUrl("https://cdn.example.com/song.mp3"), false)));
        sent.put("voice_note", harness.send(READER, new AudioContent(byId(note), true)));
        sent.put("document", harness.send(READER, new DocumentContent(byId(report), "q3.pdf", "Q3 figures")));
        sent.put("sticker", harness.send(READER, new StickerContent(byUrl("https://cdn.example.com/sticker.webp"))));
        sent.put("location", harness.send(READER, new LocationContent(-23.5505, -46.6333, "Praça da Sé", "São Paulo")));
        sent.put(
                "contact",
                harness.send(
                        READER,
                        new ContactContent(
                                List.of(new ContactCard("BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD", "Ana")))));
        sent.put("poll", harness.send(READER, new PollContent("Lunch?", List.of("Yes", "No"), 1)));

        // Then every one is read, with its references in every event
        sent.forEach((kind, messageId) -> {
            List<MessageStatusChanged> events = harness.awaitStatus(messageId, MessageStatus.READ);
            assertThat(events)
                    .extracting(MessageStatusChanged::getStatus)
                    .as(kind)
                    .startsWith(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ);
            assertThat(events).allSatisfy(event -> {
                assertThat(event.getClientRef()).isEqualTo("ref-" + messageId);
                assertThat(event.getMetadata()).containsEntry("test", "messaging");
                assertThat(event.getRecipient()).isEqualTo(READER_JID);
                assertThat(event.getWaMessageId()).isEqualTo(WhatsAppMessageIds.derive(messageId));
            });
        });
        harness.awaitStatus(sent.get("voice_note"), MessageStatus.PLAYED);
        harness.awaitStatus(sent.get("video"), MessageStatus.PLAYED);

        // and the recipient got each as sent, media streamed from media-service
        sent.forEach((kind, messageId) ->
                assertThat(harness.delivered(messageId).kind()).isEqualTo(kind));
        SimulatedMessage image = harness.delivered(sent.get("image"));
        assertThat(image.text()).isEqualTo("a photo");
        assertThat(image.media().sha256()).isEqualTo(MediaServiceContractStub.sha256(SimulatedSamples.png()));
        assertThat(image.media().size()).isEqualTo(SimulatedSamples.png().length);
        var document =
                (OutboundMessage.Media) harness.delivered(sent.get("document")).content();
        assertThat(document.filename()).isEqualTo("q3.pdf");
        assertThat(document.caption()).isEqualTo("Q3 figures");
        assertThat(harness.delivered(sent.get("voice_note")).media().head()).startsWith('O', 'g', 'g', 'S');
        assertThat(harness.delivered(sent.get("location")).content())
                .isEqualTo(new OutboundMessage.Location(-23.5505, -46.6333, "Praça da Sé", "São Paulo"));
        assertThat(harness.delivered(sent.get("poll")).content())
                .isEqualTo(new OutboundMessage.Poll("Lunch?", List.of("Yes", "No"), 1));
        assertThat(media.preparedIds()).hasSize(6);
    }

    @Test
    @Order(2)
    void aReplyQuotesMentionsReachTheGroupAndALinkGetsItsPreview() {
        // Given
        String original = harness.send(READER, new TextContent("what time?"));
        harness.awaitStatus(original, MessageStatus.SENT);
        media.previews("https://wagate.io/docs", "wagate docs", "How to send", new byte[] {(byte) 0xFF, (byte) 0xD8});

        // When
        String reply = harness.send(
                READER,
                new TextContent("at noon"),
                options().setReplyTo(original).build());
        String mentioning = harness.send(
                TEST_GROUP,
                new TextContent("hi @5511900000001"),
                options().setMentions(List.of("5511900000001")).build());
        String everyone = harness.send(
                TEST_GROUP,
                new TextContent("hi all"),
                options().setMentionAll(true).build());
        String linked = harness.send(
                READER,
                new TextContent("see https://wagate.io/docs"),
                options().setLinkPreview(true).build());
        String typed = harness.send(
                READER,
                new TextContent("after typing"),
                options().setDelaySeconds(1).build());

        // Then
        OutboundMessage.Context quoted = harness.delivered(reply).context();
        assertThat(quoted.quote())
                .isEqualTo(new OutboundMessage.Quote(
                        new MessageKey(jid(READER_JID), WhatsAppMessageIds.derive(original), true, null),
                        "what time?"));
        assertThat(harness.delivered(mentioning).context().mentions())
                .containsExactly(jid("5511900000001@s.whatsapp.net"));
        assertThat(harness.delivered(everyone).context().mentions())
                .containsExactly(
                        jid("5511900000004@s.whatsapp.net"),
                        jid("5511999999999@s.whatsapp.net"),
                        jid("5511900000001@s.whatsapp.net"),
                        jid(harness.selfJid()));
        var preview = ((OutboundMessage.Text) harness.delivered(linked).content()).preview();
        assertThat(preview.url()).isEqualTo("https://wagate.io/docs");
        assertThat(preview.title()).isEqualTo("wagate docs");
        assertThat(preview.thumbnailJpeg()).containsExactly(0xFF, 0xD8);
        harness.awaitStatus(typed, MessageStatus.READ);
        assertThat(harness.whatsApp().presenceUpdates(harness.sessionId))
                .extracting(SimulatedPresence::chat, SimulatedPresence::presence)
                .containsSubsequence(tuple(READER_JID, ChatPresence.COMPOSING), tuple(READER_JID, ChatPresence.PAUSED));
        SimulatedPresence composing = harness.whatsApp().presenceUpdates(harness.sessionId).stream()
                .filter(update -> update.presence() == ChatPresence.COMPOSING)
                .findFirst()
                .orElseThrow();
        assertThat(harness.delivered(typed).acceptedAt())
                .isAfterOrEqualTo(composing.at().plusSeconds(1));
    }

    @Test
    @Order(3)
    void reactionsEditsAndDeletionsAimAtEarlierMessagesOfTheSession() {
        // Given
        String text = harness.send(READER, new TextContent("tpyo"));
        String photo = media.upload(harness.organizationId, "image/png", SimulatedSamples.png(), null);
        String image = harness.send(READER, new ImageContent(byId(photo), null));
        harness.awaitStatus(text, MessageStatus.SENT);
        harness.awaitStatus(image, MessageStatus.SENT);
        MessageKey textKey = new MessageKey(jid(READER_JID), WhatsAppMessageIds.derive(text), true, null);
        MessageKey imageKey = new MessageKey(jid(READER_JID), WhatsAppMessageIds.derive(image), true, null);

        // When
        String reaction = harness.send(READER, new ReactionContent(text, "👍"));
        String unreaction = harness.send(READER, new ReactionContent(WhatsAppMessageIds.derive(text), ""));
        String edit = harness.send(READER, new EditContent(text, "typo"));
        String revoke = harness.send(READER, new RevokeContent(image));

        // Then
        assertThat(harness.delivered(reaction).content()).isEqualTo(new OutboundMessage.Reaction(textKey, "👍"));
        assertThat(harness.delivered(unreaction).content()).isEqualTo(new OutboundMessage.Reaction(textKey, ""));
        assertThat(harness.delivered(edit).content()).isEqualTo(new OutboundMessage.Edit(textKey, "typo"));
        assertThat(harness.delivered(revoke).content()).isEqualTo(new OutboundMessage.Revoke(imageKey));
        for (String aimed : List.of(reaction, unreaction, edit, revoke)) {
            assertThat(harness.awaitStatus(aimed, MessageStatus.DELIVERED))
                    .extracting(MessageStatusChanged::getRecipient)
                    .containsOnly(READER_JID);
        }
    }

    @Test
    @Order(4)
    void aBrazilianNumberKnownOnlyWithoutItsNinthDigitGetsTheMessageThere() {
        String messageId = harness.send("5511987650005", new TextContent("oi"));

        List<MessageStatusChanged> events = harness.awaitStatus(messageId, MessageStatus.READ);

        assertThat(events).extracting(MessageStatusChanged::getRecipient).containsOnly("551187650005@s.whatsapp.net");
        assertThat(harness.whatsApp().messagesReceivedBy("551187650005@s.whatsapp.net"))
                .extracting(SimulatedMessage::text)
                .contains("oi");
    }

    @Test
    @Order(5)
    void whatWhatsAppWouldRefuseFailsWithAStableCodeJustAsFromTheApi() {
        // Given
        String text = harness.send(READER, new TextContent("sent"));
        harness.awaitStatus(text, MessageStatus.SENT);
        String photo = media.upload(harness.organizationId, "image/png", SimulatedSamples.png(), null);
        String image = harness.send(READER, new ImageContent(byId(photo), null));
        harness.awaitStatus(image, MessageStatus.SENT);
        media.serves("https://cdn.example.com/huge.png", "image/png", new byte[(5 << 20) + 1]);
        media.serves("https://cdn.example.com/report.pdf", "application/pdf", SimulatedSamples.pdf());
        media.serves("https://cdn.example.com/fake-sticker.webp", "image/webp", SimulatedSamples.png());
        String otherOrganizations = media.upload("org_other", "image/png", SimulatedSamples.png(), null);

        // When
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(harness.send("not-a-number", new TextContent("hi")), "invalid_recipient");
        expected.put(harness.send(READER, new TextContent("")), "invalid_message");
        expected.put(harness.send(READER, new PollContent("Q?", List.of("only one"), 1)), "poll_invalid");
        expected.put(harness.send(READER, new PollContent("Q?", List.of("a", "a"), 1)), "poll_invalid");
        expected.put(
                harness.send(
                        READER,
                        new TextContent("hi"),
                        options().setMentions(List.of("5511900000001")).build()),
                "mentions_not_supported");
        expected.put(
                harness.send(
                        READER,
                        new TextContent("hi"),
                        options().setReplyTo("msg_01NOSUCHMESSAGE000000000000").build()),
                "reply_message_not_found");
        expected.put(
                harness.send(
                        READER,
                        new TextContent("hi"),
                        options().setReplyTo(text).setReplyPrivate(true).build()),
                "private_reply_failed");
        expected.put(harness.send(READER, new ReactionContent("3EB0NOSUCHMESSAGE", "👍")), "reaction_target_not_found");
        expected.put(harness.send(READER, new EditContent(image, "an image has no text")), "edit_not_allowed");
        expected.put(harness.send(READER, new RevokeContent("msg_01NOSUCHMESSAGE000000000000")), "revoke_not_allowed");
        expected.put(
                harness.send(READER, new ImageContent(byUrl("https://cdn.example.com/huge.png"), null)),
                "media_too_large");
        expected.put(
                harness.send(READER, new ImageContent(byUrl("https://cdn.example.com/report.pdf"), null)),
                "unsupported_media_type");
        expected.put(harness.send(READER, new ImageContent(byUrl("http://127.0.0.1/a.png"), null)), "url_not_allowed");
        expected.put(
                harness.send(READER, new ImageContent(byUrl("https://cdn.example.com/missing.png"), null)),
                "media_fetch_failed");
        expected.put(harness.send(READER, new ImageContent(byId(otherOrganizations), null)), "media_not_found");
        expected.put(
                harness.send(READER, new StickerContent(byUrl("https://cdn.example.com/fake-sticker.webp"))),
                "unsupported_media_type");
        expected.put(harness.send("5511900000000", new TextContent("anyone?")), "not_on_whatsapp");
        expected.put(harness.send("5511900000003", new TextContent("refused")), "server_rejected");

        // Then
        expected.forEach((messageId, code) ->
                assertThat(harness.awaitFailure(messageId)).as(code).isEqualTo(code));
        assertThat(harness.messageEvents(expected.keySet().iterator().next())
                        .getFirst()
                        .getRecipient())
                .isEqualTo("not-a-number");
    }

    private static SendOptions.Builder options() {
        return SendOptions.newBuilder();
    }

    private static MediaRef byId(String mediaId) {
        return new MediaRef(mediaId, null);
    }

    private static MediaRef byUrl(String url) {
        return new MediaRef(null, url);
    }

    private static Jid jid(String text) {
        return Jid.parse(text).orElseThrow();
    }
}
