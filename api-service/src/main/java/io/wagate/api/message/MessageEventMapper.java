package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MediaKind;
import io.wagate.schemas.v1.MessageReceived;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.ReceivedContacts;
import io.wagate.schemas.v1.ReceivedEdit;
import io.wagate.schemas.v1.ReceivedLocation;
import io.wagate.schemas.v1.ReceivedMedia;
import io.wagate.schemas.v1.ReceivedPoll;
import io.wagate.schemas.v1.ReceivedPollVote;
import io.wagate.schemas.v1.ReceivedReaction;
import io.wagate.schemas.v1.ReceivedRevoke;
import io.wagate.schemas.v1.ReceivedText;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads message events off the events topic; the only message class that sees Avro events. */
public final class MessageEventMapper {

    private MessageEventMapper() {}

    /**
     * Empty for events about something else, or with a status this version does not know. A failure
     * without its reason is {@code send_failed}.
     */
    public static Optional<MessageStatusEvent> map(Event event) {
        if (!(event.getData() instanceof MessageStatusChanged changed)) {
            return Optional.empty();
        }
        return MessageStatus.fromWire(changed.getStatus().name())
                .filter(status -> status != MessageStatus.QUEUED && status != MessageStatus.RECEIVED)
                .map(status -> new MessageStatusEvent(
                        event.getEventId(),
                        event.getCreatedAt(),
                        event.getSessionId(),
                        event.getOrganizationId(),
                        changed.getMessageId(),
                        changed.getRecipient(),
                        changed.getClientRef(),
                        changed.getMetadata(),
                        status,
                        changed.getWaMessageId(),
                        failureCode(status, changed),
                        failureMessage(status, changed)));
    }

    private static @Nullable String failureCode(MessageStatus status, MessageStatusChanged changed) {
        if (changed.getFailure() != null) {
            return changed.getFailure().getCode();
        }
        return status == MessageStatus.FAILED ? "send_failed" : null;
    }

    private static @Nullable String failureMessage(MessageStatus status, MessageStatusChanged changed) {
        if (changed.getFailure() != null) {
            return changed.getFailure().getMessage();
        }
        return status == MessageStatus.FAILED ? "WhatsApp did not take the message" : null;
    }

    /** The inbound message a message.received event announces, as a row; empty for other events. */
    static Optional<Message> received(Event event) {
        if (!(event.getData() instanceof MessageReceived received)) {
            return Optional.empty();
        }
        return Optional.of(new Message(
                received.getMessageId(),
                event.getOrganizationId(),
                event.getSessionId(),
                received.getChat(),
                typeOf(received.getContent()),
                null,
                Map.of(),
                MessageStatus.RECEIVED.wire(),
                received.getWaMessageId(),
                null,
                null,
                received.getSentAt(),
                event.getCreatedAt(),
                Message.INBOUND,
                received.getSender(),
                null));
    }

    /** The same type names a send uses; a voice note is an audio, a poll vote its own type. */
    static String typeOf(Object content) {
        return switch (content) {
            case ReceivedText ignored -> "text";
            case ReceivedMedia media ->
                media.getKind() == MediaKind.VOICE_NOTE
                        ? "audio"
                        : media.getKind().name().toLowerCase(Locale.ROOT);
            case ReceivedLocation ignored -> "location";
            case ReceivedContacts ignored -> "contact";
            case ReceivedPoll ignored -> "poll";
            case ReceivedPollVote ignored -> "poll_vote";
            case ReceivedReaction ignored -> "reaction";
            case ReceivedEdit ignored -> "edit";
            case ReceivedRevoke ignored -> "delete";
            default -> "unknown";
        };
    }
}
