package io.wagate.session.events;

import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.GroupInfo;
import io.wagate.schemas.v1.GroupParticipant;
import io.wagate.schemas.v1.GroupRole;
import io.wagate.schemas.v1.MessageFailure;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionPairingCodeIssued;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.session.SessionRef;
import java.time.Instant;

/** Our events as the Avro contract's {@link Event}; the only place that knows the generated classes. */
final class EventMapper {

    private EventMapper() {}

    static Event toAvro(String eventId, Instant createdAt, SessionRef session, SessionEvent event) {
        return Event.newBuilder()
                .setEventId(eventId)
                .setCreatedAt(createdAt)
                .setSessionId(session.sessionId())
                .setOrganizationId(session.organizationId())
                .setData(data(event))
                .build();
    }

    private static Object data(SessionEvent event) {
        return switch (event) {
            case SessionEvent.StatusChanged status ->
                SessionStatusChanged.newBuilder()
                        .setStatus(SessionStatus.valueOf(status.status().name()))
                        .setReason(status.reason())
                        .setPhoneNumber(status.phoneNumber())
                        .build();
            case SessionEvent.QrUpdated qr ->
                SessionQrUpdated.newBuilder()
                        .setQr(qr.qr())
                        .setExpiresAt(qr.expiresAt())
                        .setRotation(qr.rotation())
                        .build();
            case SessionEvent.MessageUpdated message ->
                MessageStatusChanged.newBuilder()
                        .setMessageId(message.messageId())
                        .setClientRef(message.clientRef())
                        .setMetadata(message.metadata())
                        .setWaMessageId(message.waMessageId())
                        .setRecipient(message.recipient())
                        .setStatus(MessageStatus.valueOf(message.status().name()))
                        .setFailure(
                                message.failure() == null
                                        ? null
                                        : new MessageFailure(
                                                message.failure().code(),
                                                message.failure().message()))
                        .build();
            case SessionEvent.PairingCodeIssued code ->
                SessionPairingCodeIssued.newBuilder()
                        .setCode(code.code())
                        .setPhoneNumber(code.phoneNumber())
                        .setExpiresAt(code.expiresAt())
                        .build();
            case SessionEvent.MessageReceived received -> ReceivedMessageMapper.toAvro(received);
            case SessionEvent.GroupInfo group ->
                GroupInfo.newBuilder()
                        .setCommandId(group.commandId())
                        .setGroupJid(group.groupJid())
                        .setSubject(group.subject())
                        .setDescription(group.description())
                        .setOwner(group.owner())
                        .setCreatedAt(group.createdAt())
                        .setParticipants(group.participants().stream()
                                .map(member -> new GroupParticipant(
                                        member.jid(),
                                        GroupRole.valueOf(member.role().name())))
                                .toList())
                        .build();
            case SessionEvent.CommandFailed failed ->
                new CommandFailed(failed.commandId(), failed.code(), failed.message());
        };
    }
}
