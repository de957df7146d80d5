package io.wagate.session.transport.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.wagate.session.transport.ChatPresence;
import io.wagate.session.transport.GroupMetadata;
import io.wagate.session.transport.InboundMessage;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MediaFile;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.MessageKey;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.Pairing;
import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent;
import io.wagate.session.transport.TransportEvent.Receipt;
import io.wagate.session.transport.TransportListener;
import io.wagate.session.transport.WhatsAppConnection;
import io.wagate.session.transport.WhatsAppRefusalException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's message handling: every kind, WhatsApp's refusals, receipts, the replying phone, groups. */
class SimulatedMessagingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Jid READER = new Jid("5511999999999", Jid.Server.USER);
    private static final Jid REPLIER = new Jid("5511900000004", Jid.Server.USER);
    private static final Jid GROUP = new Jid("120363000000000001", Jid.Server.GROUP);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final MovableClock clock = new MovableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private final SimulatedWhatsApp network = new SimulatedWhatsApp(
            new SimulatorSettings(
                    Duration.ofMillis(10),
                    Duration.ofMillis(50),
                    Duration.ofMillis(5),
                    Duration.ofMillis(10),
                    Duration.ofMillis(10)),
            clock);
    private final SimulatorWhatsAppTransport transport = new SimulatorWhatsAppTransport(network);
    private final Recorder device = new Recorder();
    private String sessionId;
    private WhatsAppConnection connection;

    @BeforeEach
    void connectASession() {
        sessionId = "sess_messaging" + IDS.incrementAndGet();
        connection = transport.open(sessionId, new Pairing.ByQr(), device);
        await().atMost(PATIENCE).until(() -> device.has(TransportEvent.Connected.class));
    }

    @AfterEach
    void stopTheNetwork() {
        network.close();
    }

    @Test
    void everyKindOfMessageReachesTheRecipientAsSent() {
        List<OutboundMessage.Content> kinds = List.of(
                new OutboundMessage.Text("hello", new OutboundMessage.LinkPreview("https://x.test", "X", null, null)),
                media(MediaKind.IMAGE, "image/png", SimulatedSamples.png()),
                media(MediaKind.VIDEO, "video/mp4", SimulatedSamples.mp4()),
                media(MediaKind.AUDIO, "audio/mpeg", SimulatedSamples.mp3()),
                media(MediaKind.VOICE_NOTE, "audio/ogg; codecs=opus", SimulatedSamples.oggOpus()),
                new OutboundMessage.Media(
                        MediaKind.DOCUMENT, file("application/pdf", SimulatedSamples.pdf()), "Q3", "q3.pdf", false),
                media(MediaKind.STICKER, "image/webp", SimulatedSamples.webp()),
                new OutboundMessage.Location(-23.5, -46.6, "Sé", null),
                new OutboundMessage.Contacts(
                        List.of(new OutboundMessage.Contacts.Card("Ana", "BEGIN:VCARD\nEND:VCARD"))),
                new OutboundMessage.Poll("When?", List.of("Mon", "Tue"), 1));

        List<String> ids =
                kinds.stream().map(content -> acked(send(READER, content))).toList();

        await().atMost(PATIENCE)
                .until(() -> network.messagesReceivedBy(READER.toString()).size() == kinds.size());
        assertThat(network.messagesReceivedBy(READER.toString()))
                .extracting(SimulatedMessage::kind)
                .containsExactly(
                        "text",
                        "image",
                        "video",
                        "audio",
                        "voice_note",
                        "document",
                        "sticker",
                        "location",
                        "contact",
                        "poll");
        SimulatedMessage image = network.message(ids.get(1)).orElseThrow();
        assertThat(image.content()).isEqualTo(kinds.get(1));
        assertThat(image.media().size()).isEqualTo(SimulatedSamples.png().length);
        assertThat(image.media().sha256()).isEqualTo(sha256(SimulatedSamples.png()));
        assertThat(network.message(ids.get(5)).orElseThrow().text()).isEqualTo("Q3");
        assertThat(network.message(ids.get(9)).orElseThrow().text()).isEqualTo("When?");
    }

    @Test
    void aQuoteAndMentionsReachTheGroupWithTheMessage() {
        String first = acked(send(GROUP, new OutboundMessage.Text("first")));
        var context = new OutboundMessage.Context(
                new OutboundMessage.Quote(new MessageKey(GROUP, first, true, null), "first"), List.of(READER));

        String reply = acked(connection
                .send(new OutboundMessage(nextId(), GROUP, new OutboundMessage.Text("reply"), context))
                .toCompletableFuture()
                .join());

        assertThat(network.message(reply).orElseThrow().context()).isEqualTo(context);
    }

    @Test
    void voiceNotesAndVideosArePlayedAfterTheyAreRead() {
        String voiceNote = acked(send(READER, media(MediaKind.VOICE_NOTE, "audio/ogg", SimulatedSamples.oggOpus())));
        String image = acked(send(READER, media(MediaKind.IMAGE, "image/png", SimulatedSamples.png())));

        await().atMost(PATIENCE).until(() -> device.receipts(voiceNote).contains(Receipt.PLAYED));
        assertThat(device.receipts(voiceNote)).containsExactly(Receipt.DELIVERED, Receipt.READ, Receipt.PLAYED);
        await().atMost(PATIENCE).until(() -> device.receipts(image).contains(Receipt.READ));
        assertThat(device.receipts(image)).containsExactly(Receipt.DELIVERED, Receipt.READ);
    }

    @Test
    void mediaWhatsAppDoesNotTakeIsRefused() {
        assertThat(rejection(send(READER, media(MediaKind.IMAGE, "application/pdf", SimulatedSamples.pdf()))))
                .isEqualTo("unsupported_media_type");
        assertThat(rejection(send(READER, media(MediaKind.STICKER, "image/webp", SimulatedSamples.png()))))
                .as("a sticker that is not WebP inside")
                .isEqualTo("unsupported_media_type");
        assertThat(rejection(send(READER, media(MediaKind.STICKER, "image/png", SimulatedSamples.png()))))
                .isEqualTo("unsupported_media_type");
        assertThat(rejection(send(READER, media(MediaKind.VOICE_NOTE, "audio/ogg", SimulatedSamples.mp3()))))
                .as("a voice note that is not Ogg/Opus inside")
                .isEqualTo("unsupported_media_type");
        assertThat(rejection(send(READER, media(MediaKind.VOICE_NOTE, "audio/mpeg", SimulatedSamples.mp3()))))
                .isEqualTo("unsupported_media_type");
        var lying = new MediaFile("image/png", 999, "00", () -> new ByteArrayInputStream(SimulatedSamples.png()));
        assertThat(rejection(send(READER, new OutboundMessage.Media(MediaKind.IMAGE, lying, null, null, false))))
                .isEqualTo("media_upload_failed");
    }

    @Test
    void pollsWithTooFewOrRepeatedOptionsAreRefused() {
        assertThat(rejection(send(READER, new OutboundMessage.Poll("Q?", List.of("only"), 1))))
                .isEqualTo("poll_invalid");
        assertThat(rejection(send(READER, new OutboundMessage.Poll("Q?", List.of("a", "a"), 1))))
                .isEqualTo("poll_invalid");
        assertThat(rejection(send(READER, new OutboundMessage.Poll("Q?", List.of("a", "b"), 3))))
                .isEqualTo("poll_invalid");
    }

    @Test
    void mentionsInAPrivateChatAreRefused() {
        var mentioning = new OutboundMessage(
                nextId(), READER, new OutboundMessage.Text("hi"), new OutboundMessage.Context(null, List.of(REPLIER)));
        assertThat(rejection(connection.send(mentioning).toCompletableFuture().join()))
                .isEqualTo("mentions_not_supported");
    }

    @Test
    void aReactionNeedsAMessageTheSessionKnows() {
        String ours = acked(send(READER, new OutboundMessage.Text("react to me")));

        acked(send(READER, new OutboundMessage.Reaction(new MessageKey(READER, ours, true, null), "👍")));
        assertThat(rejection(send(
                        READER, new OutboundMessage.Reaction(new MessageKey(READER, "3EB0NOPE", false, null), "👍"))))
                .isEqualTo("reaction_target_not_found");
    }

    @Test
    void onlyOurOwnTextsCanBeEditedAndOnlyOurOwnMessagesDeleted() {
        String text = acked(send(READER, new OutboundMessage.Text("typo")));
        String image = acked(send(READER, media(MediaKind.IMAGE, "image/png", SimulatedSamples.png())));
        String someoneElses = acked(otherSession()
                .send(new OutboundMessage(nextId(), READER, new OutboundMessage.Text("not yours")))
                .toCompletableFuture()
                .join());

        String edit = acked(send(READER, new OutboundMessage.Edit(key(text), "fixed")));
        assertThat(rejection(send(READER, new OutboundMessage.Edit(key(image), "caption?"))))
                .isEqualTo("edit_not_allowed");
        assertThat(rejection(send(READER, new OutboundMessage.Edit(key(someoneElses), "mine now"))))
                .isEqualTo("edit_not_allowed");
        acked(send(READER, new OutboundMessage.Revoke(key(image))));
        assertThat(rejection(send(READER, new OutboundMessage.Revoke(key(someoneElses)))))
                .isEqualTo("revoke_not_allowed");

        await().atMost(PATIENCE).until(() -> device.receipts(edit).contains(Receipt.DELIVERED));
        assertThat(network.message(edit).orElseThrow().text()).isEqualTo("fixed");
    }

    @Test
    void anEditIsRefusedAfterFifteenMinutesAndADeletionAfterTwoDays() {
        // Given two texts of ours
        String first = acked(send(READER, new OutboundMessage.Text("first")));
        String second = acked(send(READER, new OutboundMessage.Text("second")));

        // When 15 minutes have passed: no more edits, deletions still
        clock.advance(SimulatedRules.EDIT_WINDOW.plusSeconds(1));
        assertThat(rejection(send(READER, new OutboundMessage.Edit(key(first), "too late"))))
                .isEqualTo("edit_not_allowed");
        acked(send(READER, new OutboundMessage.Revoke(key(first))));

        // When 48 hours have passed: no more deletions either
        clock.advance(SimulatedRules.REVOKE_WINDOW);
        assertThat(rejection(send(READER, new OutboundMessage.Revoke(key(second)))))
                .isEqualTo("revoke_not_allowed");
    }

    @Test
    void theReplyingPhoneSendsEachKindItIsAskedFor() {
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

        asks.forEach(ask -> acked(send(REPLIER, new OutboundMessage.Text(ask))));

        await().atMost(PATIENCE).until(() -> device.received().size() == asks.size());
        List<InboundMessage> received = device.received();
        assertThat(received)
                .extracting(message -> message.content().getClass().getSimpleName())
                .containsExactly(
                        "Text", "Media", "Media", "Media", "Media", "Media", "Media", "Location", "Contacts", "Poll");
        assertThat(received).allSatisfy(message -> {
            assertThat(message.key().chat()).isEqualTo(REPLIER);
            assertThat(message.key().fromMe()).isFalse();
            assertThat(message.sender()).isEqualTo(REPLIER);
        });
        assertThat(received.subList(1, 7))
                .extracting(message -> ((InboundMessage.Media) message.content()).kind())
                .containsExactly(
                        MediaKind.IMAGE,
                        MediaKind.VIDEO,
                        MediaKind.AUDIO,
                        MediaKind.VOICE_NOTE,
                        MediaKind.DOCUMENT,
                        MediaKind.STICKER);
        assertThat(SimulatedSamples.isOggOpus(bytesOf(received.get(4)))).isTrue();
        assertThat(SimulatedSamples.isWebp(bytesOf(received.get(6)))).isTrue();
        assertThat(network.inboundSentTo(sessionId)).isEqualTo(received);
    }

    @Test
    void theReplyingPhoneReactsEditsDeletesVotesAndEchoes() throws Exception {
        String reactTo = acked(send(REPLIER, new OutboundMessage.Text("react to this")));
        acked(send(REPLIER, new OutboundMessage.Text("send me an edit")));
        acked(send(REPLIER, new OutboundMessage.Text("send me a revoke")));
        String poll = acked(send(REPLIER, new OutboundMessage.Poll("When?", List.of("Mon", "Tue", "Wed"), 2)));
        String echoed = acked(send(REPLIER, new OutboundMessage.Text("anything else")));

        await().atMost(PATIENCE).until(() -> device.received().size() == 7);
        List<InboundMessage.Content> contents =
                device.received().stream().map(InboundMessage::content).toList();
        assertThat(contents.get(0)).isEqualTo(new InboundMessage.Reaction(reactTo, "👍"));
        String edited = device.received().get(1).key().waMessageId();
        assertThat(contents.get(2)).isEqualTo(new InboundMessage.Edit(edited, "A text the simulated phone edited"));
        String deleted = device.received().get(3).key().waMessageId();
        assertThat(contents.get(4)).isEqualTo(new InboundMessage.Revoke(deleted));
        assertThat(contents.get(5)).isEqualTo(new InboundMessage.PollVote(poll, List.of("Mon", "Tue")));
        assertThat(contents.get(6)).isEqualTo(new InboundMessage.Text("echo: anything else"));
        assertThat(device.received().get(6).quoted())
                .isEqualTo(new InboundMessage.Quoted(echoed, self(), "anything else"));
    }

    @Test
    void theReplyingPhoneWritesInTheTestGroupMentioningTheSession() {
        acked(send(REPLIER, new OutboundMessage.Text("send me a group message")));

        await().atMost(PATIENCE).until(() -> device.received().size() == 1);
        InboundMessage inGroup = device.received().getFirst();
        assertThat(inGroup.key().chat()).isEqualTo(GROUP);
        assertThat(inGroup.key().participant()).isEqualTo(REPLIER);
        assertThat(inGroup.sender()).isEqualTo(REPLIER);
        assertThat(inGroup.mentions()).containsExactly(self());

        // A reaction to a message the session received is one it may send.
        acked(send(GROUP, new OutboundMessage.Reaction(inGroup.key(), "🎉")));
    }

    @Test
    void messagesForAnOfflineDeviceWaitUntilItReconnects() {
        acked(send(REPLIER, new OutboundMessage.Text("send me a text")));
        connection.close();

        await().pollDelay(Duration.ofMillis(100))
                .atMost(PATIENCE)
                .until(() -> network.inboundSentTo(sessionId).size() == 1);
        var again = new Recorder();
        transport.open(
                sessionId,
                new Pairing.Resume(device.first(TransportEvent.Paired.class).authState()),
                again);

        await().atMost(PATIENCE).until(() -> again.received().size() == 1);
        assertThat(device.received()).isEmpty();
    }

    @Test
    void lookupsKnowTheTestNumbersAndTheBrazilianOldForm() {
        assertThat(lookup("5511999999999")).contains(READER);
        assertThat(lookup("5511900000000")).isEmpty();
        assertThat(lookup("5511987650005"))
                .as("exists only without the ninth digit")
                .isEmpty();
        assertThat(lookup("551187650005")).contains(new Jid("551187650005", Jid.Server.USER));
        assertThat(lookup("not a number")).isEmpty();
    }

    @Test
    void theTestGroupListsItsKnownMembersAndTheSession() {
        GroupMetadata group =
                connection.groupMetadata(GROUP).toCompletableFuture().join();

        assertThat(group.subject()).isEqualTo("wagate test group");
        assertThat(group.owner()).isEqualTo(REPLIER);
        assertThat(group.participants())
                .containsExactly(
                        new GroupMetadata.Participant(REPLIER, GroupMetadata.Role.SUPERADMIN),
                        new GroupMetadata.Participant(READER, GroupMetadata.Role.ADMIN),
                        new GroupMetadata.Participant(
                                new Jid("5511900000001", Jid.Server.USER), GroupMetadata.Role.MEMBER),
                        new GroupMetadata.Participant(self(), GroupMetadata.Role.MEMBER));
    }

    @Test
    void theValidInviteJoinsTheJoinableGroupAndTheExpiredOneIsRefused() {
        assertThat(refusalOf(
                        connection.groupMetadata(SimulatedGroups.JOINABLE_GROUP).toCompletableFuture()::join))
                .isEqualTo("group_not_found");

        GroupMetadata joined = connection
                .joinGroup("SimulatorInviteValid01")
                .toCompletableFuture()
                .join();

        assertThat(joined.jid()).isEqualTo(new Jid("120363000000000002", Jid.Server.GROUP));
        assertThat(joined.participants())
                .extracting(GroupMetadata.Participant::jid)
                .contains(self());
        assertThat(connection.groupMetadata(joined.jid()).toCompletableFuture().join())
                .isEqualTo(joined);
        assertThat(refusalOf(connection.joinGroup("SimulatorInviteExpired").toCompletableFuture()::join))
                .isEqualTo("invalid_invite");
        assertThat(refusalOf(connection.joinGroup("NoSuchInviteCode000000").toCompletableFuture()::join))
                .isEqualTo("invalid_invite");
        assertThat(refusalOf(connection
                        .groupMetadata(new Jid("120363999999999999", Jid.Server.GROUP))
                        .toCompletableFuture()::join))
                .isEqualTo("group_not_found");
    }

    @Test
    void presenceIsRecordedPerSession() {
        connection
                .presence(READER, ChatPresence.COMPOSING)
                .toCompletableFuture()
                .join();
        connection.presence(READER, ChatPresence.PAUSED).toCompletableFuture().join();

        assertThat(network.presenceUpdates(sessionId))
                .extracting(SimulatedPresence::chat, SimulatedPresence::presence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(READER.toString(), ChatPresence.COMPOSING),
                        org.assertj.core.groups.Tuple.tuple(READER.toString(), ChatPresence.PAUSED));
    }

    @Test
    void theSampleFilesAreWhatTheirMimetypesSay() {
        assertThat(SimulatedSamples.png()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(SimulatedSamples.isWebp(SimulatedSamples.webp())).isTrue();
        assertThat(SimulatedSamples.isOggOpus(SimulatedSamples.oggOpus())).isTrue();
        assertThat(new String(SimulatedSamples.mp4(), 4, 8, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("ftypmp42");
        assertThat(SimulatedSamples.mp3()).startsWith('I', 'D', '3');
        assertThat(SimulatedSamples.pdf()).startsWith('%', 'P', 'D', 'F');
    }

    private SendOutcome send(Jid to, OutboundMessage.Content content) {
        return connection
                .send(new OutboundMessage(nextId(), to, content))
                .toCompletableFuture()
                .join();
    }

    private WhatsAppConnection otherSession() {
        var other = new Recorder();
        WhatsAppConnection connection = transport.open("sess_other" + IDS.incrementAndGet(), new Pairing.ByQr(), other);
        await().atMost(PATIENCE).until(() -> other.has(TransportEvent.Connected.class));
        return connection;
    }

    private Optional<Jid> lookup(String number) {
        return connection.lookup(number).toCompletableFuture().join();
    }

    private Jid self() {
        return new Jid(device.first(TransportEvent.Connected.class).phoneNumber(), Jid.Server.USER);
    }

    private static MessageKey key(String waMessageId) {
        return new MessageKey(READER, waMessageId, true, null);
    }

    private static String acked(SendOutcome outcome) {
        assertThat(outcome).isInstanceOf(SendOutcome.Acked.class);
        return ((SendOutcome.Acked) outcome).waMessageId();
    }

    private static String rejection(SendOutcome outcome) {
        assertThat(outcome).isInstanceOf(SendOutcome.Rejected.class);
        return ((SendOutcome.Rejected) outcome).code();
    }

    private static String refusalOf(Runnable question) {
        try {
            question.run();
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WhatsAppRefusalException.class);
            return ((WhatsAppRefusalException) e.getCause()).code();
        }
        throw new AssertionError("WhatsApp did not refuse");
    }

    private static OutboundMessage.Media media(MediaKind kind, String mimetype, byte[] bytes) {
        return new OutboundMessage.Media(kind, file(mimetype, bytes), null, null, false);
    }

    private static MediaFile file(String mimetype, byte[] bytes) {
        return new MediaFile(mimetype, bytes.length, sha256(bytes), () -> new ByteArrayInputStream(bytes));
    }

    private static byte[] bytesOf(InboundMessage message) {
        try (InputStream in = ((InboundMessage.Media) message.content()).bytes().open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nextId() {
        return "3EB0MSG" + IDS.incrementAndGet();
    }

    private static final class Recorder implements TransportListener {

        private final List<TransportEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void on(TransportEvent event) {
            events.add(event);
        }

        <T extends TransportEvent> List<T> all(Class<T> type) {
            return events.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends TransportEvent> T first(Class<T> type) {
            return all(type).getFirst();
        }

        boolean has(Class<? extends TransportEvent> type) {
            return !all(type).isEmpty();
        }

        List<InboundMessage> received() {
            return all(TransportEvent.MessageReceived.class).stream()
                    .map(TransportEvent.MessageReceived::message)
                    .toList();
        }

        List<Receipt> receipts(String waMessageId) {
            return all(TransportEvent.MessageReceipt.class).stream()
                    .filter(receipt -> receipt.waMessageId().equals(waMessageId))
                    .map(TransportEvent.MessageReceipt::receipt)
                    .toList();
        }
    }
}
