package io.wagate.session.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.schemas.EventCodec;
import io.wagate.schemas.EventTypes;
import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.GroupInfo;
import io.wagate.schemas.v1.GroupParticipant;
import io.wagate.schemas.v1.GroupRole;
import io.wagate.schemas.v1.MediaKind;
import io.wagate.schemas.v1.MessageReceived;
import io.wagate.schemas.v1.QuotedContext;
import io.wagate.schemas.v1.ReceivedContacts;
import io.wagate.schemas.v1.ReceivedEdit;
import io.wagate.schemas.v1.ReceivedLocation;
import io.wagate.schemas.v1.ReceivedMedia;
import io.wagate.schemas.v1.ReceivedMediaError;
import io.wagate.schemas.v1.ReceivedPoll;
import io.wagate.schemas.v1.ReceivedPollVote;
import io.wagate.schemas.v1.ReceivedReaction;
import io.wagate.schemas.v1.ReceivedRevoke;
import io.wagate.schemas.v1.ReceivedText;
import io.wagate.schemas.v1.SessionPairingCodeIssued;
import io.wagate.session.SessionRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event branches of the messaging surface, through the Avro contract and back. */
class ReceivedAndGroupEventsTest {

    private static final SessionRef SESSION = new SessionRef("sess_1", "org_1");
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @Test
    void aReceivedMessageTravelsWithItsChatSenderQuoteAndMentions() {
        Event event = roundTrip(new SessionEvent.MessageReceived(
                "msg_1",
                "3AIN",
                "120363000000000001@g.us",
                "5511900000004@s.whatsapp.net",
                "Ana",
                NOW,
                List.of("15550001111@s.whatsapp.net"),
                new SessionEvent.MessageReceived.Quoted("3EB0OURS", "msg_0", "15550001111@s.whatsapp.net", "hi"),
                new ReceivedContent.Text("hello")));

        assertThat(EventTypes.of(event)).isEqualTo(EventTypes.MESSAGE_RECEIVED);
        var received = (MessageReceived) event.getData();
        assertThat(received.getMessageId()).isEqualTo("msg_1");
        assertThat(received.getWaMessageId()).isEqualTo("3AIN");
        assertThat(received.getChat()).isEqualTo("120363000000000001@g.us");
        assertThat(received.getSender()).isEqualTo("5511900000004@s.whatsapp.net");
        assertThat(received.getPushName()).isEqualTo("Ana");
        assertThat(received.getSentAt()).isEqualTo(NOW);
        assertThat(received.getMentions()).containsExactly("15550001111@s.whatsapp.net");
        assertThat(received.getQuoted())
                .isEqualTo(new QuotedContext("3EB0OURS", "msg_0", "15550001111@s.whatsapp.net", "hi"));
        assertThat(received.getContent()).isEqualTo(new ReceivedText("hello"));
    }

    @Test
    void everyReceivedKindHasItsContractRecord() {
        Map<ReceivedContent, Object> expected = Map.of(
                ReceivedContent.Media.stored(
                        ReceivedContent.Media.Kind.VOICE_NOTE, "med_1", "audio/ogg", 42, "abc", null, null),
                new ReceivedMedia(MediaKind.VOICE_NOTE, "med_1", "audio/ogg", 42L, "abc", null, null, null),
                ReceivedContent.Media.stored(
                        ReceivedContent.Media.Kind.DOCUMENT, "med_2", "application/pdf", 7, null, "Q3", "q3.pdf"),
                new ReceivedMedia(MediaKind.DOCUMENT, "med_2", "application/pdf", 7L, null, "Q3", "q3.pdf", null),
                ReceivedContent.Media.notStored(
                        ReceivedContent.Media.Kind.VIDEO,
                        "video/mp4",
                        90_000_000,
                        "big",
                        null,
                        new ReceivedContent.Media.NotStored("media_too_large", "too big")),
                new ReceivedMedia(
                        MediaKind.VIDEO,
                        null,
                        "video/mp4",
                        90_000_000L,
                        null,
                        "big",
                        null,
                        new ReceivedMediaError("media_too_large", "too big")),
                new ReceivedContent.Location(1.5, 2.5, "here", "street"),
                new ReceivedLocation(1.5, 2.5, "here", "street"),
                new ReceivedContent.Contacts(List.of("BEGIN:VCARD\nEND:VCARD")),
                new ReceivedContacts(List.of("BEGIN:VCARD\nEND:VCARD")),
                new ReceivedContent.Poll("When?", List.of("Mon", "Tue"), 1),
                new ReceivedPoll("When?", List.of("Mon", "Tue"), 1),
                new ReceivedContent.PollVote("3EB0POLL", List.of("Tue")),
                new ReceivedPollVote("3EB0POLL", List.of("Tue")),
                new ReceivedContent.Reaction("3EB0OURS", ""),
                new ReceivedReaction("3EB0OURS", ""),
                new ReceivedContent.Edit("3AIN", "fixed"),
                new ReceivedEdit("3AIN", "fixed"),
                new ReceivedContent.Revoke("3AIN"),
                new ReceivedRevoke("3AIN"));
        expected.forEach((content, avro) -> {
            var received = (MessageReceived) roundTrip(new SessionEvent.MessageReceived(
                            "msg_1",
                            "3AIN",
                            "5511900000004@s.whatsapp.net",
                            "5511900000004@s.whatsapp.net",
                            null,
                            NOW,
                            List.of(),
                            null,
                            content))
                    .getData();
            assertThat(received.getContent()).isEqualTo(avro);
            assertThat(received.getQuoted()).isNull();
        });
    }

    @Test
    void aGroupsDescriptionAnswersItsCommand() {
        Event event = roundTrip(new SessionEvent.GroupInfo(
                "cmd_1",
                "120363000000000001@g.us",
                "team",
                "about",
                "5511900000004@s.whatsapp.net",
                Instant.parse("2024-01-01T12:00:00Z"),
                List.of(
                        new SessionEvent.GroupInfo.Participant(
                                "5511900000004@s.whatsapp.net", SessionEvent.GroupInfo.Role.SUPERADMIN),
                        new SessionEvent.GroupInfo.Participant(
                                "15550001111@s.whatsapp.net", SessionEvent.GroupInfo.Role.MEMBER))));

        assertThat(EventTypes.of(event)).isEqualTo(EventTypes.GROUP_INFO);
        assertThat(event.getData())
                .isEqualTo(new GroupInfo(
                        "cmd_1",
                        "120363000000000001@g.us",
                        "team",
                        "about",
                        "5511900000004@s.whatsapp.net",
                        Instant.parse("2024-01-01T12:00:00Z"),
                        List.of(
                                new GroupParticipant("5511900000004@s.whatsapp.net", GroupRole.SUPERADMIN),
                                new GroupParticipant("15550001111@s.whatsapp.net", GroupRole.MEMBER))));
    }

    @Test
    void aFailedCommandAndAPairingCodeHaveTheirEventTypes() {
        Event failed = roundTrip(new SessionEvent.CommandFailed("cmd_1", "invalid_invite", "expired"));
        Event code = roundTrip(new SessionEvent.PairingCodeIssued("ABCD1234", "5511999999999", NOW));

        assertThat(EventTypes.of(failed)).isEqualTo(EventTypes.COMMAND_FAILED);
        assertThat(failed.getData()).isEqualTo(new CommandFailed("cmd_1", "invalid_invite", "expired"));
        assertThat(EventTypes.of(code)).isEqualTo(EventTypes.SESSION_PAIRING_CODE);
        assertThat(code.getData()).isEqualTo(new SessionPairingCodeIssued("ABCD1234", "5511999999999", NOW));
    }

    private static Event roundTrip(SessionEvent event) {
        return EventCodec.decode(EventCodec.encode(EventMapper.toAvro("evt_1", NOW, SESSION, event)));
    }
}
