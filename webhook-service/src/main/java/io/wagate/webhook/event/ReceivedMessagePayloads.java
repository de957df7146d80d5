package io.wagate.webhook.event;

import io.wagate.schemas.UndecodableRecordException;
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
import io.wagate.webhook.media.MediaLinks;
import java.util.List;
import java.util.Optional;

/**
 * {@code message.received} as webhooks send it: one {@code content} shape per {@code type}, media with
 * a signed link, or with the error that says why there are no bytes to link to.
 */
final class ReceivedMessagePayloads {

    private final MediaLinks links;

    ReceivedMessagePayloads(MediaLinks links) {
        this.links = links;
    }

    EventPayload.MessageReceived payload(MessageReceived received) {
        QuotedContext quoted = received.getQuoted();
        Typed typed = content(received.getContent());
        return new EventPayload.MessageReceived(
                received.getMessageId(),
                received.getWaMessageId(),
                received.getChat(),
                received.getSender(),
                received.getPushName(),
                WebhookEventMapper.iso(received.getSentAt()),
                received.getMentions() == null ? List.of() : List.copyOf(received.getMentions()),
                quoted == null
                        ? null
                        : new EventPayload.Quoted(
                                quoted.getWaMessageId(), quoted.getMessageId(), quoted.getSender(), quoted.getText()),
                typed.type(),
                typed.content());
    }

    private record Typed(String type, EventPayload.Content content) {}

    private Typed content(Object content) {
        return switch (content) {
            case ReceivedText text -> new Typed("text", new EventPayload.Text(text.getText()));
            case ReceivedMedia media ->
                new Typed(WebhookEventMapper.lower(media.getKind().name()), media(media));
            case ReceivedLocation location ->
                new Typed(
                        "location",
                        new EventPayload.Location(
                                location.getLatitude(),
                                location.getLongitude(),
                                location.getName(),
                                location.getAddress()));
            case ReceivedContacts contacts ->
                new Typed("contact", new EventPayload.Contacts(List.copyOf(contacts.getVcards())));
            case ReceivedPoll poll ->
                new Typed(
                        "poll",
                        new EventPayload.Poll(
                                poll.getQuestion(), List.copyOf(poll.getOptions()), poll.getSelectableCount()));
            case ReceivedPollVote vote ->
                new Typed(
                        "poll_vote",
                        new EventPayload.PollVote(vote.getPollWaMessageId(), List.copyOf(vote.getSelectedOptions())));
            case ReceivedReaction reaction ->
                new Typed("reaction", new EventPayload.Reaction(reaction.getTargetWaMessageId(), reaction.getEmoji()));
            case ReceivedEdit edit ->
                new Typed("edit", new EventPayload.Edit(edit.getTargetWaMessageId(), edit.getText()));
            case ReceivedRevoke revoke -> new Typed("revoke", new EventPayload.Revoke(revoke.getTargetWaMessageId()));
            default ->
                throw new UndecodableRecordException(
                        "unknown message.received content " + content.getClass().getName());
        };
    }

    private EventPayload.Media media(ReceivedMedia media) {
        ReceivedMediaError error = media.getError();
        Optional<MediaLinks.SignedLink> link =
                media.getMediaId() == null ? Optional.empty() : links.linkTo(media.getMediaId());
        return new EventPayload.Media(
                media.getMediaId(),
                media.getMimetype(),
                media.getSize(),
                media.getSha256(),
                media.getCaption(),
                media.getFilename(),
                link.map(MediaLinks.SignedLink::url).orElse(null),
                link.map(signed -> WebhookEventMapper.iso(signed.expiresAt())).orElse(null),
                error == null ? null : new EventPayload.MessageError(error.getCode(), error.getMessage()));
    }
}
