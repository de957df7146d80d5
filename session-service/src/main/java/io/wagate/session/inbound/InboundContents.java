package io.wagate.session.inbound;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.events.ReceivedContent;
import io.wagate.session.transport.InboundMessage;
import java.util.Locale;
import java.util.function.Function;

/** An inbound message's content as {@code message.received} carries it, and how the index names it. */
final class InboundContents {

    private InboundContents() {}

    /** @param store keeps the media's bytes in media-service and describes them */
    static ReceivedContent toReceived(
            InboundMessage.Content content, Function<InboundMessage.Media, ReceivedContent.Media> store) {
        return switch (content) {
            case InboundMessage.Text text -> new ReceivedContent.Text(text.body());
            case InboundMessage.Media media -> store.apply(media);
            case InboundMessage.Location location ->
                new ReceivedContent.Location(
                        location.latitude(), location.longitude(), location.name(), location.address());
            case InboundMessage.Contacts contacts -> new ReceivedContent.Contacts(contacts.vcards());
            case InboundMessage.Poll poll ->
                new ReceivedContent.Poll(poll.question(), poll.options(), poll.selectableCount());
            case InboundMessage.PollVote vote ->
                new ReceivedContent.PollVote(vote.pollWaMessageId(), vote.selectedOptions());
            case InboundMessage.Reaction reaction ->
                new ReceivedContent.Reaction(reaction.targetWaMessageId(), reaction.emoji());
            case InboundMessage.Edit edit -> new ReceivedContent.Edit(edit.targetWaMessageId(), edit.text());
            case InboundMessage.Revoke revoke -> new ReceivedContent.Revoke(revoke.targetWaMessageId());
        };
    }

    static String kindOf(InboundMessage.Content content) {
        return switch (content) {
            case InboundMessage.Text ignored -> "text";
            case InboundMessage.Media media -> media.kind().name().toLowerCase(Locale.ROOT);
            case InboundMessage.Location ignored -> "location";
            case InboundMessage.Contacts ignored -> "contact";
            case InboundMessage.Poll ignored -> "poll";
            case InboundMessage.PollVote ignored -> "poll_vote";
            case InboundMessage.Reaction ignored -> "reaction";
            case InboundMessage.Edit ignored -> "edit";
            case InboundMessage.Revoke ignored -> "revoke";
        };
    }

    /** What a quote of it shows. */
    static @Nullable String previewOf(InboundMessage.Content content) {
        return switch (content) {
            case InboundMessage.Text text -> text.body();
            case InboundMessage.Media media -> media.caption();
            case InboundMessage.Location location -> location.name();
            case InboundMessage.Poll poll -> poll.question();
            case InboundMessage.Edit edit -> edit.text();
            case InboundMessage.Reaction reaction -> reaction.emoji();
            case InboundMessage.Contacts ignored -> null;
            case InboundMessage.PollVote ignored -> null;
            case InboundMessage.Revoke ignored -> null;
        };
    }
}
