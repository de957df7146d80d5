package io.wagate.session.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.session.SessionRef;
import io.wagate.session.events.EventPublisher;
import io.wagate.session.events.ReceivedContent;
import io.wagate.session.events.SessionEvent;
import io.wagate.session.media.InMemoryMediaService;
import io.wagate.session.messages.InMemoryMessageIndex;
import io.wagate.session.messages.KnownMessage;
import io.wagate.session.transport.InboundMessage;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.MessageKey;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class InboundMessageAnnouncerTest {

    private static final SessionRef SESSION = new SessionRef("sess_1", "org_1");
    private static final Instant SENT_AT = Instant.parse("2025-06-01T12:00:00Z");
    private static final Jid ANA = new Jid("5511900000004", Jid.Server.USER);
    private static final Jid GROUP = new Jid("120363000000000001", Jid.Server.GROUP);
    private static final Jid US = new Jid("15550001111", Jid.Server.USER);

    private final InMemoryMessageIndex index = new InMemoryMessageIndex();
    private final InMemoryMediaService media = new InMemoryMediaService();
    private final List<SessionEvent> published = new CopyOnWriteArrayList<>();
    private final EventPublisher events = (session, event, traceparent) -> published.add(event);
    private final InboundMessageAnnouncer announcer =
            new InboundMessageAnnouncer(index, new InboundMedia(media, List.of(Duration.ZERO)), events);

    @Test
    void aTextIsAnnouncedWithAnIdOfOursAndIndexed() {
        announcer.onMessage(SESSION, message("3AONE", ANA, null, new InboundMessage.Text("hello")));

        SessionEvent.MessageReceived received = onlyReceived();
        assertThat(received.messageId()).startsWith("msg_").hasSize(30);
        assertThat(received.waMessageId()).isEqualTo("3AONE");
        assertThat(received.chat()).isEqualTo("5511900000004@s.whatsapp.net");
        assertThat(received.sender()).isEqualTo("5511900000004@s.whatsapp.net");
        assertThat(received.pushName()).isEqualTo("Ana");
        assertThat(received.sentAt()).isEqualTo(SENT_AT);
        assertThat(received.content()).isEqualTo(new ReceivedContent.Text("hello"));
        assertThat(index.find(SESSION, received.messageId()))
                .contains(new KnownMessage(
                        received.messageId(),
                        new MessageKey(ANA, "3AONE", false, null),
                        true,
                        "text",
                        "hello",
                        SENT_AT));
    }

    @Test
    void theSameMessageAlwaysGetsTheSameIdAndIsAnnouncedOnce() {
        String first = InboundMessageIds.derive("sess_1", "3AONE", SENT_AT);
        assertThat(InboundMessageIds.derive("sess_1", "3AONE", SENT_AT)).isEqualTo(first);
        assertThat(InboundMessageIds.derive("sess_2", "3AONE", SENT_AT)).isNotEqualTo(first);

        announcer.onMessage(SESSION, message("3AONE", ANA, null, new InboundMessage.Text("hello")));
        announcer.onMessage(SESSION, message("3AONE", ANA, null, new InboundMessage.Text("hello")));

        assertThat(published).hasSize(1);
        assertThat(onlyReceived().messageId()).isEqualTo(first);
    }

    @Test
    void mediaBytesGoToMediaServiceAndTheEventCarriesItsId() {
        byte[] png = "png".getBytes(StandardCharsets.UTF_8);
        var image = new InboundMessage.Media(
                MediaKind.IMAGE, "image/png", png.length, () -> new ByteArrayInputStream(png), "look", "photo.png");

        announcer.onMessage(SESSION, message("3AIMG", ANA, null, image));

        var content = (ReceivedContent.Media) onlyReceived().content();
        InMemoryMediaService.File stored = media.files().get(content.mediaId());
        assertThat(stored.bytes()).isEqualTo(png);
        assertThat(stored.organizationId()).isEqualTo("org_1");
        assertThat(stored.kind()).isEqualTo(MediaKind.IMAGE);
        assertThat(content)
                .isEqualTo(ReceivedContent.Media.stored(
                        ReceivedContent.Media.Kind.IMAGE,
                        content.mediaId(),
                        "image/png",
                        3,
                        InMemoryMediaService.sha256(png),
                        "look",
                        "photo.png"));
    }

    @Test
    void mediaThatMediaServiceRefusesIsAnnouncedWithoutItsBytesAndWithItsReason() {
        // Given
        media.refuseWith("media_too_large");
        var video = new InboundMessage.Media(
                MediaKind.VIDEO,
                "video/mp4",
                90_000_000,
                () -> new ByteArrayInputStream(new byte[1]),
                "the match",
                "match.mp4");

        // When
        announcer.onMessage(SESSION, message("3AVID", ANA, null, video));

        // Then
        assertThat(onlyReceived().content())
                .isEqualTo(ReceivedContent.Media.notStored(
                        ReceivedContent.Media.Kind.VIDEO,
                        "video/mp4",
                        90_000_000,
                        "the match",
                        "match.mp4",
                        new ReceivedContent.Media.NotStored("media_too_large", "refused: media_too_large")));
        assertThat(media.files()).isEmpty();
    }

    @Test
    void mediaThatMediaServiceNeverTakesIsAnnouncedAsUnavailable() {
        // Given
        media.goDown();
        var voiceNote = new InboundMessage.Media(
                MediaKind.VOICE_NOTE,
                "audio/ogg; codecs=opus",
                5,
                () -> new ByteArrayInputStream(new byte[5]),
                null,
                null);

        // When
        announcer.onMessage(SESSION, message("3AVOICE", ANA, null, voiceNote));

        // Then
        var content = (ReceivedContent.Media) onlyReceived().content();
        assertThat(content.mediaId()).isNull();
        assertThat(content.size()).isEqualTo(5);
        assertThat(content.error().code()).isEqualTo("media_unavailable");
        assertThat(content.error().message()).contains("media-service is down");
    }

    @Test
    void mediaAnnouncedWithoutItsBytesIsIndexedSoItCanBeQuotedAndReactedTo() {
        // Given
        media.refuseWith("unsupported_media_type");
        var document = new InboundMessage.Media(
                MediaKind.DOCUMENT, "application/x-odd", 3, () -> new ByteArrayInputStream(new byte[3]), "Q3", null);

        // When
        announcer.onMessage(SESSION, message("3ADOC", ANA, null, document));

        // Then
        SessionEvent.MessageReceived received = onlyReceived();
        assertThat(index.find(SESSION, received.messageId()))
                .contains(new KnownMessage(
                        received.messageId(),
                        new MessageKey(ANA, "3ADOC", false, null),
                        true,
                        "document",
                        "Q3",
                        SENT_AT));
    }

    @Test
    void everyOtherKindIsAnnouncedAsItsContent() {
        Map<InboundMessage.Content, ReceivedContent> kinds = Map.of(
                new InboundMessage.Location(1, 2, "here", null), new ReceivedContent.Location(1, 2, "here", null),
                new InboundMessage.Contacts(List.of("BEGIN:VCARD\nEND:VCARD")),
                        new ReceivedContent.Contacts(List.of("BEGIN:VCARD\nEND:VCARD")),
                new InboundMessage.Poll("When?", List.of("Mon", "Tue"), 2),
                        new ReceivedContent.Poll("When?", List.of("Mon", "Tue"), 2),
                new InboundMessage.PollVote("3EB0POLL", List.of("Tue")),
                        new ReceivedContent.PollVote("3EB0POLL", List.of("Tue")),
                new InboundMessage.Reaction("3EB0OURS", "👍"), new ReceivedContent.Reaction("3EB0OURS", "👍"),
                new InboundMessage.Edit("3AOLD", "fixed"), new ReceivedContent.Edit("3AOLD", "fixed"),
                new InboundMessage.Revoke("3AOLD"), new ReceivedContent.Revoke("3AOLD"));
        int[] n = {0};
        kinds.forEach((content, expected) -> {
            announcer.onMessage(SESSION, message("3AKIND" + n[0]++, ANA, null, content));
            assertThat(((SessionEvent.MessageReceived) published.getLast()).content())
                    .isEqualTo(expected);
        });
        assertThat(index.all())
                .extracting(KnownMessage::kind)
                .containsExactlyInAnyOrder("location", "contact", "poll", "poll_vote", "reaction", "edit", "revoke");
    }

    @Test
    void aGroupMessageNamesTheGroupAsChatItsAuthorAsSenderAndWhoItMentions() {
        var inGroup = new InboundMessage(
                new MessageKey(GROUP, "3AGRP", false, ANA),
                ANA,
                "Ana",
                SENT_AT,
                List.of(US),
                null,
                new InboundMessage.Text("hi @15550001111"));

        announcer.onMessage(SESSION, inGroup);

        SessionEvent.MessageReceived received = onlyReceived();
        assertThat(received.chat()).isEqualTo("120363000000000001@g.us");
        assertThat(received.sender()).isEqualTo("5511900000004@s.whatsapp.net");
        assertThat(received.mentions()).containsExactly("15550001111@s.whatsapp.net");
        assertThat(index.find(SESSION, "3AGRP").orElseThrow().author()).isEqualTo(ANA);
    }

    @Test
    void aQuoteOfAMessageWeKnowCarriesOurIdForIt() {
        index.remember(
                SESSION,
                new KnownMessage(
                        "msg_ours", new MessageKey(ANA, "3EB0OURS", true, null), false, "text", "hi", SENT_AT));
        var reply = new InboundMessage(
                new MessageKey(ANA, "3AREPLY", false, null),
                ANA,
                null,
                SENT_AT,
                List.of(),
                new InboundMessage.Quoted("3EB0OURS", US, "hi"),
                new InboundMessage.Text("hi back"));
        var unknownQuote = new InboundMessage(
                new MessageKey(ANA, "3AREPLY2", false, null),
                ANA,
                null,
                SENT_AT,
                List.of(),
                new InboundMessage.Quoted("3EB0GONE", null, null),
                new InboundMessage.Text("?"));

        announcer.onMessage(SESSION, reply);
        announcer.onMessage(SESSION, unknownQuote);

        assertThat(((SessionEvent.MessageReceived) published.get(0)).quoted())
                .isEqualTo(new SessionEvent.MessageReceived.Quoted(
                        "3EB0OURS", "msg_ours", "15550001111@s.whatsapp.net", "hi"));
        assertThat(((SessionEvent.MessageReceived) published.get(1)).quoted())
                .isEqualTo(new SessionEvent.MessageReceived.Quoted("3EB0GONE", null, null, null));
    }

    private SessionEvent.MessageReceived onlyReceived() {
        assertThat(published).hasSize(1);
        return (SessionEvent.MessageReceived) published.getFirst();
    }

    private static InboundMessage message(String waId, Jid chat, Jid participant, InboundMessage.Content content) {
        return new InboundMessage(
                new MessageKey(chat, waId, false, participant), ANA, "Ana", SENT_AT, List.of(), null, content);
    }
}
