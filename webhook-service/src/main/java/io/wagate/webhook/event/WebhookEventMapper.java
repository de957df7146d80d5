package io.wagate.webhook.event;

import io.micronaut.json.JsonMapper;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.EventTypes;
import io.wagate.schemas.UndecodableRecordException;
import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.GroupInfo;
import io.wagate.schemas.v1.MessageFailure;
import io.wagate.schemas.v1.MessageReceived;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionPairingCodeIssued;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.webhook.Ids;
import io.wagate.webhook.media.MediaLinks;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns an Avro {@link Event} from the events topic into the JSON a webhook sends. */
@Singleton
public final class WebhookEventMapper {

    private final JsonMapper json;
    private final ReceivedMessagePayloads received;

    public WebhookEventMapper(JsonMapper json, MediaLinks links) {
        this.json = json;
        this.received = new ReceivedMessagePayloads(links);
    }

    /** @throws UndecodableRecordException when the bytes are not an event this contract knows */
    public WebhookEvent decode(byte[] record) {
        Event event = EventCodec.decode(record);
        try {
            return map(event);
        } catch (UndecodableRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            // A record that decodes but breaks the contract (a missing id...) is as unusable as garbage.
            throw new UndecodableRecordException("event " + event.getEventId() + " breaks the contract: " + e, e);
        }
    }

    WebhookEvent map(Event event) {
        String type = EventTypes.of(event);
        EventPayload payload = new EventPayload(
                require(event.getEventId(), "event_id"),
                type,
                iso(event.getCreatedAt()),
                require(event.getSessionId(), "session_id"),
                data(event.getData()));
        return new WebhookEvent(
                payload.id(),
                require(event.getOrganizationId(), "organization_id"),
                payload.sessionId(),
                type,
                event.getCreatedAt(),
                write(payload));
    }

    /** The event webhook-service itself emits when it disables an endpoint. */
    public WebhookEvent endpointDisabled(String organizationId, String endpointId, String url, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        EventPayload payload = new EventPayload(
                Ids.newId("evt"),
                WebhookEventTypes.ENDPOINT_DISABLED,
                iso(now),
                null,
                new EventPayload.EndpointDisabled(endpointId, url, reason));
        return new WebhookEvent(payload.id(), organizationId, null, payload.type(), now, write(payload));
    }

    private EventPayload.Data data(Object data) {
        return switch (data) {
            case SessionStatusChanged status ->
                new EventPayload.SessionStatus(
                        lower(status.getStatus().name()), status.getReason(), status.getPhoneNumber());
            case SessionQrUpdated qr ->
                new EventPayload.SessionQr(qr.getQr(), iso(qr.getExpiresAt()), qr.getRotation());
            case MessageStatusChanged message ->
                new EventPayload.MessageStatus(
                        message.getMessageId(),
                        message.getClientRef(),
                        sorted(message.getMetadata()),
                        message.getWaMessageId(),
                        message.getRecipient(),
                        lower(message.getStatus().name()),
                        error(message.getFailure()));
            case SessionPairingCodeIssued code ->
                new EventPayload.SessionPairingCode(code.getCode(), code.getPhoneNumber(), iso(code.getExpiresAt()));
            case MessageReceived message -> received.payload(message);
            case GroupInfo group ->
                new EventPayload.GroupInfo(
                        group.getCommandId(),
                        group.getGroupJid(),
                        group.getSubject(),
                        group.getDescription(),
                        group.getOwner(),
                        group.getCreatedAt() == null ? null : iso(group.getCreatedAt()),
                        group.getParticipants() == null
                                ? List.of()
                                : group.getParticipants().stream()
                                        .map(member -> new EventPayload.GroupParticipant(
                                                member.getJid(),
                                                lower(member.getRole().name())))
                                        .toList());
            case CommandFailed failed ->
                new EventPayload.CommandFailed(
                        failed.getCommandId(), new EventPayload.MessageError(failed.getCode(), failed.getMessage()));
            default ->
                throw new UndecodableRecordException(
                        "unknown event data " + data.getClass().getName());
        };
    }

    private static EventPayload.MessageError error(MessageFailure failure) {
        return failure == null ? null : new EventPayload.MessageError(failure.getCode(), failure.getMessage());
    }

    private String write(EventPayload payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> sorted(Map<String, String> metadata) {
        return metadata == null ? Map.of() : new TreeMap<>(metadata);
    }

    static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    static String lower(String symbol) {
        return symbol.toLowerCase(Locale.ROOT);
    }

    private static String require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new UndecodableRecordException("event without " + field);
        }
        return value;
    }
}
