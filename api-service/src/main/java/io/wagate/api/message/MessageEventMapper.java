package io.wagate.api.message;

import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatusChanged;
import java.util.Optional;

/** Reads message events off the events topic; the only message class that sees Avro events. */
final class MessageEventMapper {

    private MessageEventMapper() {}

    /** Empty for events about something else, or with a status this version does not know. */
    static Optional<MessageStatusEvent> map(Event event) {
        if (!(event.getData() instanceof MessageStatusChanged changed)) {
            return Optional.empty();
        }
        return MessageStatus.fromWire(changed.getStatus().name())
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
                        changed.getFailure() == null
                                ? null
                                : changed.getFailure().getCode(),
                        changed.getFailure() == null
                                ? null
                                : changed.getFailure().getMessage()));
    }
}
