package io.wagate.session.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.session.SessionRef;
import io.wagate.session.events.SessionEvent.Failure;
import io.wagate.session.media.InMemoryMediaService;
import io.wagate.session.messages.InMemoryMessageIndex;
import io.wagate.session.messages.KnownMessage;
import io.wagate.session.transport.GroupMetadata;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.MessageKey;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.OutboundMessage.LinkPreview;
import io.wagate.session.transport.ScriptedConnection;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageComposerTest {

    private static final SessionRef SESSION = new SessionRef("sess_1", "org_1");
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final String WA_ID = "3EB0AAAAAAAAAAAAAAAA";
    private static final Jid GROUP = new Jid("120363000000000001", Jid.Server.GROUP);
    private static final Jid ALICE = new Jid("5511988887777", Jid.Server.USER);
    private static final Jid BOB = new Jid("15550001111", Jid.Server.USER);

    private final InMemoryMessageIndex index = new InMemoryMessageIndex();
    private final InMemoryMediaService media = new InMemoryMediaService();
    private final ScriptedConnection connection = new ScriptedConnection().knows("5511988887777");
    private final MessageComposer composer = new MessageComposer(index, media, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTextGoesToTheRecipientsJidWhateverFormTheNumberCameIn() {
        for (String to : List.of("15550001111", "15550001111@c.us", "15550001111@s.whatsapp.net")) {
            OutboundMessage message = ready(compose(to, new SendContent.Text("hello"), SendOptions.NONE));
            assertThat(message.to()).isEqualTo(BOB);
            assertThat(message.waMessageId()).isEqualTo(WA_ID);
            assertThat(message.content()).isEqualTo(new OutboundMessage.Text("hello"));
            assertThat(message.context()).isEqualTo(OutboundMessage.Context.NONE);
        }
    }

    @Test
    void aMalformedRecipientIsAnInvalidRecipient() {
        assertThat(refusal(compose("not-a-number", new SendContent.Text("hi"), SendOptions.NONE))
                        .code())
                .isEqualTo("invalid_recipient");
        assertThat(refusal(compose("123@example.com", new SendContent.Text("hi"), SendOptions.NONE))
                        .code())
                .isEqualTo("invalid_recipient");
    }

    @Test
    void theDelayBecomesHowLongToShowTyping() {
        var composition = compose("15550001111", new SendContent.Text("hi"), options(null, false, List.of(), false, 7));
        assertThat(((Composition.Ready) composition).typing()).isEqualTo(Duration.ofSeconds(7));
        assertThat(((Composition.Ready) compose("15550001111", new SendContent.Text("hi"), SendOptions.NONE)).typing())
                .isZero();
    }

    @Test
    void eachMediaKindIsPreparedByMediaServiceAndStreamedFromItWhenSent() throws IOException {
        // Given
        byte[] png = "png bytes".getBytes(StandardCharsets.UTF_8);
        String upload = media.upload("org_1", "image/png", png, "photo.png");
        media.withUrl("https://example.com/clip.mp4", "video/mp4", "mp4 bytes".getBytes(StandardCharsets.UTF_8));

        // When
        OutboundMessage image = ready(compose(
                "15550001111",
                new SendContent.Media(MediaKind.IMAGE, new SendContent.MediaRef(upload, null), "look", null, false),
                SendOptions.NONE));
        OutboundMessage video = ready(compose(
                "15550001111",
                new SendContent.Media(
                        MediaKind.VIDEO,
                        new SendContent.MediaRef(null, "https://example.com/clip.mp4"),
                        null,
                        null,
                        true),
                SendOptions.NONE));

        // Then
        assertThat(media.prepares())
                .containsExactly(
                        new InMemoryMediaService.Prepare("org_1", MediaKind.IMAGE, upload, null),
                        new InMemoryMediaService.Prepare(
                                "org_1", MediaKind.VIDEO, null, "https://example.com/clip.mp4"));
        var imageMedia = (OutboundMessage.Media) image.content();
        assertThat(imageMedia.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(imageMedia.caption()).isEqualTo("look");
        assertThat(imageMedia.file().mimetype()).isEqualTo("image/png");
        assertThat(imageMedia.file().size()).isEqualTo(png.length);
        assertThat(imageMedia.file().sha256()).isEqualTo(InMemoryMediaService.sha256(png));
        assertThat(media.opened()).isEmpty();
        try (InputStream bytes = imageMedia.file().source().open()) {
            assertThat(bytes.readAllBytes()).isEqualTo(png);
        }
        assertThat(media.opened()).hasSize(1).doesNotContain(upload);
        assertThat(((OutboundMessage.Media) video.content()).gifPlayback()).isTrue();
    }

    @Test
    void audioVoiceNotesDocumentsAndStickersKeepTheirKindAndADocumentItsFileName() {
        String upload = media.upload("org_1", "application/octet-stream", new byte[] {1, 2, 3}, "upload.bin");
        for (MediaKind kind : List.of(MediaKind.AUDIO, MediaKind.VOICE_NOTE, MediaKind.DOCUMENT, MediaKind.STICKER)) {
            String filename = kind == MediaKind.DOCUMENT ? "report.pdf" : null;
            OutboundMessage message = ready(compose(
                    "15550001111",
                    new SendContent.Media(kind, new SendContent.MediaRef(upload, null), null, filename, false),
                    SendOptions.NONE));
            var sent = (OutboundMessage.Media) message.content();
            assertThat(sent.kind()).isEqualTo(kind);
            assertThat(sent.filename()).isEqualTo(kind == MediaKind.DOCUMENT ? "report.pdf" : "upload.bin");
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "media_too_large",
                "unsupported_media_type",
                "url_not_allowed",
                "media_fetch_failed",
                "media_not_found"
            })
    void mediaServiceRefusalsFailTheMessageWithMediaServicesCode(String code) {
        media.refuseWith(code);
        assertThat(refusal(compose("15550001111", imageByUrl(), SendOptions.NONE))
                        .code())
                .isEqualTo(code);
    }

    @Test
    void aRequestMediaServiceFindsMalformedIsAnInvalidMessage() {
        media.refuseWith("validation_error");
        assertThat(refusal(compose("15550001111", imageByUrl(), SendOptions.NONE))
                        .code())
                .isEqualTo("invalid_message");
    }

    @Test
    void aMediaServiceThatDoesNotAnswerDefersTheMessageInsteadOfFailingIt() {
        media.goDown();
        assertThatThrownBy(() -> compose("15550001111", imageByUrl(), SendOptions.NONE))
                .isInstanceOf(CompositionDeferredException.class);
    }

    @Test
    void locationsContactsAndPollsBecomeTheirContent() {
        assertThat(ready(compose("15550001111", new SendContent.Location(-23.5, -46.6, "Sé", "SP"), SendOptions.NONE))
                        .content())
                .isEqualTo(new OutboundMessage.Location(-23.5, -46.6, "Sé", "SP"));
        String vcard = "BEGIN:VCARD\nVERSION:3.0\nFN:Ana\nEND:VCARD";
        assertThat(ready(compose(
                                "15550001111",
                                new SendContent.Contacts(List.of(new SendContent.Contacts.Card(vcard, "Ana"))),
                                SendOptions.NONE))
                        .content())
                .isEqualTo(new OutboundMessage.Contacts(List.of(new OutboundMessage.Contacts.Card("Ana", vcard))));
        assertThat(ready(compose(
                                "15550001111",
                                new SendContent.Poll("When?", List.of("Mon", " Tue "), 2),
                                SendOptions.NONE))
                        .content())
                .isEqualTo(new OutboundMessage.Poll("When?", List.of("Mon", "Tue"), 2));
    }

    @Test
    void aPollNeedsTwoToTwelveDistinctOptionsAndAReachableSelectableCount() {
        List<String> thirteen =
                IntStream.rangeClosed(1, 13).mapToObj(i -> "option " + i).toList();
        for (SendContent.Poll poll : List.of(
                new SendContent.Poll("Q?", List.of("only"), 1),
                new SendContent.Poll("Q?", thirteen, 1),
                new SendContent.Poll("Q?", List.of("same", "same "), 1),
                new SendContent.Poll("Q?", List.of("a", "b"), 0),
                new SendContent.Poll("Q?", List.of("a", "b"), 3),
                new SendContent.Poll(" ", List.of("a", "b"), 1))) {
            assertThat(refusal(compose("15550001111", poll, SendOptions.NONE)).code())
                    .as("%s", poll)
                    .isEqualTo("poll_invalid");
        }
        assertThat(compose("15550001111", new SendContent.Poll("Q?", thirteen.subList(0, 12), 12), SendOptions.NONE))
                .isInstanceOf(Composition.Ready.class);
    }

    @Test
    void contentWhatsAppWouldRefuseIsAnInvalidMessage() {
        String vcard = "BEGIN:VCARD\nFN:Ana\nEND:VCARD";
        for (SendContent content : List.of(
                new SendContent.Text(""),
                new SendContent.Text("x".repeat(OutboundMessage.MAX_TEXT_LENGTH + 1)),
                new SendContent.Location(91, 0, null, null),
                new SendContent.Location(0, Double.NaN, null, null),
                new SendContent.Contacts(List.of()),
                new SendContent.Contacts(List.of(new SendContent.Contacts.Card("FN:Ana", null))),
                new SendContent.Media(
                        MediaKind.IMAGE, new SendContent.MediaRef("med_1", "https://x.test/a.png"), null, null, false),
                new SendContent.Media(MediaKind.IMAGE, new SendContent.MediaRef(null, " "), null, null, false),
                new SendContent.Media(
                        MediaKind.IMAGE, new SendContent.MediaRef("med_1", null), "c".repeat(1_025), null, false),
                new SendContent.Reaction("msg_1", "not an emoji"),
                new SendContent.Reaction("msg_1", "👍👍"),
                new SendContent.Reaction("", "👍"),
                new SendContent.Edit("msg_1", ""),
                new SendContent.Revoke(" "))) {
            assertThat(refusal(compose("15550001111", content, SendOptions.NONE))
                            .code())
                    .as("%s", content)
                    .isEqualTo("invalid_message");
        }
        assertThat(ready(compose(
                                "15550001111",
                                new SendContent.Contacts(List.of(new SendContent.Contacts.Card(vcard, null))),
                                SendOptions.NONE))
                        .content())
                .isInstanceOf(OutboundMessage.Contacts.class);
    }

    @Test
    void optionsThatDoNotFitTheMessageAreAnInvalidMessage() {
        var text = new SendContent.Text("hi");
        assertThat(refusal(compose("15550001111", text, options(null, false, List.of(), false, 61)))
                        .code())
                .isEqualTo("invalid_message");
        assertThat(refusal(compose("15550001111", text, options(null, true, List.of(), false, 0)))
                        .code())
                .isEqualTo("invalid_message");
        assertThat(refusal(compose(
                                GROUP.toString(),
                                text,
                                options(null, false, List.of("120363000000000009@g.us"), false, 0)))
                        .code())
                .isEqualTo("invalid_message");
        assertThat(refusal(compose(
                                "15550001111", imageByUrl(), new SendOptions(null, false, List.of(), false, 0, true)))
                        .code())
                .isEqualTo("invalid_message");
        assertThat(refusal(compose(
                                "15550001111",
                                new SendContent.Reaction("msg_1", "👍"),
                                options("msg_2", false, List.of(), false, 0)))
                        .code())
                .isEqualTo("invalid_message");
    }

    @Test
    void aBrazilianMobileNumberIsSentToTheFormWhatsAppKnows() {
        // 5511988887777 is known with its ninth digit, 551187654321 and 5587988887777 in one form only.
        connection.knows("551187654321", "5587988887777");

        assertThat(ready(compose("5511988887777", new SendContent.Text("hi"), SendOptions.NONE))
                        .to())
                .isEqualTo(ALICE);
        assertThat(ready(compose("558788887777", new SendContent.Text("hi"), SendOptions.NONE))
                        .to())
                .as("an eight-digit form WhatsApp does not know is tried with the ninth digit")
                .isEqualTo(new Jid("5587988887777", Jid.Server.USER));
        assertThat(ready(compose("5511987654321@s.whatsapp.net", new SendContent.Text("hi"), SendOptions.NONE))
                        .to())
                .isEqualTo(new Jid("551187654321", Jid.Server.USER));
        assertThat(connection.lookups()).containsSubsequence("5511987654321", "551187654321");
    }

    @Test
    void aBrazilianNumberWhatsAppKnowsInNeitherFormIsNotOnWhatsApp() {
        Failure failure = refusal(compose("5511912345678", new SendContent.Text("hi"), SendOptions.NONE));
        assertThat(failure.code()).isEqualTo("not_on_whatsapp");
        assertThat(connection.lookups()).containsExactly("5511912345678", "551112345678");
    }

    @Test
    void otherNumbersGroupsAndLandlinesAreNotLookedUp() {
        ready(compose("15550001111", new SendContent.Text("hi"), SendOptions.NONE));
        ready(compose(GROUP.toString(), new SendContent.Text("hi"), SendOptions.NONE));
        ready(compose("551133334444", new SendContent.Text("hi"), SendOptions.NONE));
        assertThat(connection.lookups()).isEmpty();
    }

    @Test
    void aLookupThatFailsDefersTheMessage() {
        connection.breakDown();
        assertThatThrownBy(() -> compose("5511988887777", new SendContent.Text("hi"), SendOptions.NONE))
                .isInstanceOf(CompositionDeferredException.class);
    }

    @Test
    void mentionsAreForGroupChatsOnly() {
        var text = new SendContent.Text("hi @15550001111");
        assertThat(refusal(compose("15550001111", text, options(null, false, List.of("15550001111"), false, 0)))
                        .code())
                .isEqualTo("mentions_not_supported");
        assertThat(refusal(compose("15550001111", text, options(null, false, List.of(), true, 0)))
                        .code())
                .isEqualTo("mentions_not_supported");
    }

    @Test
    void mentionsInAGroupBecomeJidsAndMentionAllAddsEveryMember() {
        connection.hasGroup(new GroupMetadata(
                GROUP,
                "team",
                null,
                null,
                null,
                List.of(
                        new GroupMetadata.Participant(ALICE, GroupMetadata.Role.ADMIN),
                        new GroupMetadata.Participant(BOB, GroupMetadata.Role.MEMBER))));

        OutboundMessage named = ready(compose(
                GROUP.toString(),
                new SendContent.Text("hi"),
                options(null, false, List.of("15550001111", "99887766@lid"), false, 0)));
        OutboundMessage everyone = ready(compose(
                GROUP.toString(),
                new SendContent.Text("hi all"),
                options(null, false, List.of("15550001111"), true, 0)));

        assertThat(named.context().mentions()).containsExactly(BOB, new Jid("99887766", Jid.Server.LID));
        assertThat(everyone.context().mentions()).containsExactly(BOB, ALICE);
    }

    @Test
    void mentionAllInAGroupWhatsAppDoesNotKnowFailsWithWhatsAppsCode() {
        assertThat(refusal(compose(
                                "120363000000000099@g.us",
                                new SendContent.Text("hi"),
                                options(null, false, List.of(), true, 0)))
                        .code())
                .isEqualTo("group_not_found");
    }

    @Test
    void aReplyQuotesTheMessageWithItsTextWhetherNamedByOurIdOrWhatsApps() {
        KnownMessage received = inbound("msg_in", "3AIN", ALICE, null, "text", "are you there?");

        OutboundMessage byOurId = ready(
                compose("5511988887777", new SendContent.Text("yes"), options("msg_in", false, List.of(), false, 0)));
        OutboundMessage byWhatsAppId = ready(
                compose("5511988887777", new SendContent.Text("yes"), options("3AIN", false, List.of(), false, 0)));

        assertThat(byOurId.context().quote()).isEqualTo(new OutboundMessage.Quote(received.key(), "are you there?"));
        assertThat(byWhatsAppId.context().quote()).isEqualTo(byOurId.context().quote());
    }

    @Test
    void aReplyToAMessageThisSessionDoesNotKnowFails() {
        inbound("msg_reaction", "3AREACT", ALICE, null, "reaction", "👍");
        assertThat(refusal(compose(
                                "5511988887777",
                                new SendContent.Text("?"),
                                options("msg_nope", false, List.of(), false, 0)))
                        .code())
                .isEqualTo("reply_message_not_found");
        assertThat(refusal(compose(
                                "5511988887777",
                                new SendContent.Text("?"),
                                options("msg_reaction", false, List.of(), false, 0)))
                        .code())
                .as("a reaction is not a message one can quote")
                .isEqualTo("reply_message_not_found");
    }

    @Test
    void aPrivateReplyGoesToTheAuthorOfTheGroupMessageQuotingIt() {
        KnownMessage inGroup = inbound("msg_g", "3AGROUP", GROUP, ALICE, "text", "who's in?");

        OutboundMessage reply = ready(
                compose(GROUP.toString(), new SendContent.Text("me"), options("msg_g", true, List.of(), false, 0)));

        assertThat(reply.to()).isEqualTo(ALICE);
        assertThat(reply.context().quote()).isEqualTo(new OutboundMessage.Quote(inGroup.key(), "who's in?"));
        assertThat(connection.lookups()).isEmpty();
    }

    @Test
    void aPrivateReplyToAPrivateMessageOrToOurOwnGroupMessageFails() {
        inbound("msg_dm", "3ADM", ALICE, null, "text", "hi");
        ours("msg_mine", "3EB0MINE", GROUP, "text", NOW);

        for (String target : List.of("msg_dm", "msg_mine")) {
            assertThat(refusal(compose(
                                    GROUP.toString(),
                                    new SendContent.Text("psst"),
                                    options(target, true, List.of(), false, 0)))
                            .code())
                    .isEqualTo("private_reply_failed");
        }
    }

    @Test
    void aReactionGoesToTheChatOfItsTargetAndAnEmptyOneRemovesIt() {
        KnownMessage received = inbound("msg_in", "3AIN", ALICE, null, "image", null);

        OutboundMessage reaction =
                ready(compose("5511988887777", new SendContent.Reaction("msg_in", "👍🏽"), SendOptions.NONE));
        OutboundMessage removal =
                ready(compose("5511988887777", new SendContent.Reaction("3AIN", ""), SendOptions.NONE));

        assertThat(reaction.to()).isEqualTo(ALICE);
        assertThat(reaction.content()).isEqualTo(new OutboundMessage.Reaction(received.key(), "👍🏽"));
        assertThat(removal.content()).isEqualTo(new OutboundMessage.Reaction(received.key(), ""));
    }

    @Test
    void aReactionToAnUnknownMessageOrToAReactionFails() {
        inbound("msg_reaction", "3AREACT", ALICE, null, "reaction", "👍");
        for (String target : List.of("msg_unknown", "3AUNKNOWN", "msg_reaction")) {
            assertThat(refusal(compose("5511988887777", new SendContent.Reaction(target, "👍"), SendOptions.NONE))
                            .code())
                    .isEqualTo("reaction_target_not_found");
        }
    }

    @Test
    void anEditReplacesTheTextOfOurOwnRecentText() {
        KnownMessage mine = ours("msg_mine", "3EB0MINE", ALICE, "text", NOW.minus(Duration.ofMinutes(14)));

        OutboundMessage edit =
                ready(compose("5511988887777", new SendContent.Edit("msg_mine", "fixed"), SendOptions.NONE));

        assertThat(edit.to()).isEqualTo(ALICE);
        assertThat(edit.content()).isEqualTo(new OutboundMessage.Edit(mine.key(), "fixed"));
    }

    @Test
    void anEditOfSomeoneElsesMessageOfANonTextOrOfAnOldOneIsNotAllowed() {
        inbound("msg_theirs", "3ATHEIRS", ALICE, null, "text", "hi");
        ours("msg_image", "3EB0IMAGE", ALICE, "image", NOW);
        ours("msg_old", "3EB0OLD", ALICE, "text", NOW.minus(Duration.ofMinutes(16)));

        for (String target : List.of("msg_theirs", "msg_image", "msg_old", "msg_unknown")) {
            assertThat(refusal(compose("5511988887777", new SendContent.Edit(target, "new"), SendOptions.NONE))
                            .code())
                    .as(target)
                    .isEqualTo("edit_not_allowed");
        }
    }

    @Test
    void aDeletionIsAllowedForTwoDaysAfterSendingAndNoLonger() {
        ours("msg_recent", "3EB0RECENT", ALICE, "text", NOW.minus(MessageComposer.REVOKE_WINDOW));
        ours("msg_old", "3EB0OLD", ALICE, "text", NOW.minus(Duration.ofHours(48).plusSeconds(1)));

        assertThat(ready(compose("5511988887777", new SendContent.Revoke("msg_recent"), SendOptions.NONE))
                        .content())
                .isInstanceOf(OutboundMessage.Revoke.class);
        Failure tooOld = refusal(compose("5511988887777", new SendContent.Revoke("msg_old"), SendOptions.NONE));
        assertThat(tooOld.code()).isEqualTo("revoke_not_allowed");
        assertThat(tooOld.message()).contains("48 hours");
    }

    @Test
    void aDeletionIsAllowedForOurOwnMessagesOnly() {
        KnownMessage mine = ours("msg_mine", "3EB0MINE", ALICE, "image", NOW.minus(Duration.ofDays(1)));
        inbound("msg_theirs", "3ATHEIRS", ALICE, null, "text", "hi");

        assertThat(ready(compose("5511988887777", new SendContent.Revoke("3EB0MINE"), SendOptions.NONE))
                        .content())
                .isEqualTo(new OutboundMessage.Revoke(mine.key()));
        for (String target : List.of("msg_theirs", "msg_unknown")) {
            assertThat(refusal(compose("5511988887777", new SendContent.Revoke(target), SendOptions.NONE))
                            .code())
                    .isEqualTo("revoke_not_allowed");
        }
    }

    @Test
    void aLinkPreviewCarriesTheCardOfTheTextsFirstUrl() {
        media.withPreview(new LinkPreview("https://wagate.io/docs", "Docs", "How to", new byte[] {1}));

        OutboundMessage message = ready(compose(
                "15550001111",
                new SendContent.Text("read https://wagate.io/docs, then https://other.test"),
                new SendOptions(null, false, List.of(), false, 0, true)));

        var text = (OutboundMessage.Text) message.content();
        assertThat(text.preview()).isNotNull();
        assertThat(text.preview().url()).isEqualTo("https://wagate.io/docs");
        assertThat(text.preview().title()).isEqualTo("Docs");
    }

    @Test
    void aTextGoesWithoutPreviewWhenThereIsNoUrlOrNoCard() {
        for (String body : List.of("no link here", "https://unknown.test/page")) {
            OutboundMessage message = ready(compose(
                    "15550001111",
                    new SendContent.Text(body),
                    new SendOptions(null, false, List.of(), false, 0, true)));
            assertThat(((OutboundMessage.Text) message.content()).preview()).isNull();
        }
    }

    @Test
    void aComposedMessageIsRememberedSoLaterMessagesCanPointAtIt() {
        ready(compose("5511988887777", new SendContent.Text("remember me"), SendOptions.NONE));

        assertThat(index.all())
                .containsExactly(new KnownMessage(
                        "msg_new", new MessageKey(ALICE, WA_ID, true, null), false, "text", "remember me", NOW));
    }

    @Test
    void aRefusedMessageIsNotRemembered() {
        refusal(compose("15550001111", new SendContent.Text(""), SendOptions.NONE));
        assertThat(index.all()).isEmpty();
    }

    private Composition compose(String to, SendContent content, SendOptions options) {
        return composer.compose(
                new SendRequest(SESSION, "msg_new", to, content, options, "ref", Map.of()), WA_ID, connection);
    }

    private static OutboundMessage ready(Composition composition) {
        assertThat(composition).isInstanceOf(Composition.Ready.class);
        return ((Composition.Ready) composition).message();
    }

    private static Failure refusal(Composition composition) {
        assertThat(composition).isInstanceOf(Composition.Refused.class);
        return ((Composition.Refused) composition).failure();
    }

    private static SendOptions options(
            String replyTo, boolean replyPrivate, List<String> mentions, boolean mentionAll, int delaySeconds) {
        return new SendOptions(replyTo, replyPrivate, mentions, mentionAll, delaySeconds, false);
    }

    private static SendContent imageByUrl() {
        return new SendContent.Media(
                MediaKind.IMAGE, new SendContent.MediaRef(null, "https://example.com/a.png"), null, null, false);
    }

    private KnownMessage inbound(
            String messageId, String waId, Jid chat, Jid participant, String kind, String preview) {
        var message = new KnownMessage(
                messageId, new MessageKey(chat, waId, false, participant), true, kind, preview, NOW.minusSeconds(60));
        index.remember(SESSION, message);
        return message;
    }

    private KnownMessage ours(String messageId, String waId, Jid chat, String kind, Instant sentAt) {
        var message = new KnownMessage(messageId, new MessageKey(chat, waId, true, null), false, kind, null, sentAt);
        index.remember(SESSION, message);
        return message;
    }
}
