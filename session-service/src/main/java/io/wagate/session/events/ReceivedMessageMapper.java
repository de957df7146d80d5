package io.wagate.session.events;

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

/** {@link SessionEvent.MessageReceived} as the contract's {@link MessageReceived}. */
final class ReceivedMessageMapper {

    private ReceivedMessageMapper() {}

    static MessageReceived toAvro(SessionEvent.MessageReceived received) {
        SessionEvent.MessageReceived.Quoted quoted = received.quoted();
        return MessageReceived.newBuilder()
                .setMessageId(received.messageId())
                .setWaMessageId(received.waMessageId())
                .setChat(received.chat())
                .setSender(received.sender())
                .setPushName(received.pushName())
                .setSentAt(received.sentAt())
                .setMentions(received.mentions())
                .setQuoted(
                        quoted == null
                                ? null
                                : new QuotedContext(
                                        quoted.waMessageId(), quoted.messageId(), quoted.sender(), quoted.text()))
                .setContent(content(received.content()))
                .build();
    }

    private static Object content(ReceivedContent content) {
        return switch (content) {
            case ReceivedContent.Text text -> new ReceivedText(text.text());
            case ReceivedContent.Media media ->
                new ReceivedMedia(
                        MediaKind.valueOf(media.kind().name()),
                        media.mediaId(),
                        media.mimetype(),
                        media.size(),
                        media.sha256(),
                        media.caption(),
                        media.filename(),
                        media.error() == null
                                ? null
                                : new ReceivedMediaError(
                                        media.error().code(), media.error().message()));
            case ReceivedContent.Location location ->
                new ReceivedLocation(location.latitude(), location.longitude(), location.name(), location.address());
            case ReceivedContent.Contacts contacts -> new ReceivedContacts(contacts.vcards());
            case ReceivedContent.Poll poll -> new ReceivedPoll(poll.question(), poll.options(), poll.selectableCount());
            case ReceivedContent.PollVote vote -> new ReceivedPollVote(vote.pollWaMessageId(), vote.selectedOptions());
            case ReceivedContent.Reaction reaction ->
                new ReceivedReaction(reaction.targetWaMessageId(), reaction.emoji());
            case ReceivedContent.Edit edit -> new ReceivedEdit(edit.targetWaMessageId(), edit.text());
            case ReceivedContent.Revoke revoke -> new ReceivedRevoke(revoke.targetWaMessageId());
        };
    }
}
