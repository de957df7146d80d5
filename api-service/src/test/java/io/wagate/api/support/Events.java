package io.wagate.api.support;

import com.github.f4b6a3.ulid.UlidCreator;
import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.GroupInfo;
import io.wagate.schemas.v1.GroupParticipant;
import io.wagate.schemas.v1.GroupRole;
import io.wagate.schemas.v1.MessageFailure;
import io.wagate.schemas.v1.MessageReceived;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.ReceivedText;
import io.wagate.schemas.v1.SessionPairingCodeIssued;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import java.time.Instant;
import java.util.List;

/** Events as session-service writes them. */
public final class Events {

    private Events() {}

    public static Event statusChanged(
            String sessionId, String organizationId, SessionStatus status, String reason, String phone, Instant at) {
        return event(
                sessionId,
                organizationId,
                at,
                SessionStatusChanged.newBuilder()
                        .setStatus(status)
                        .setReason(reason)
                        .setPhoneNumber(phone)
                        .build());
    }

    public static Event qrUpdated(String sessionId, String organizationId, String qr, Instant expiresAt, int rotation) {
        return event(
                sessionId,
                organizationId,
                Instant.now(),
                SessionQrUpdated.newBuilder()
                        .setQr(qr)
                        .setExpiresAt(expiresAt)
                        .setRotation(rotation)
                        .build());
    }

    public static Event messageStatus(
            String sessionId,
            String organizationId,
            String messageId,
            MessageStatus status,
            String waMessageId,
            MessageFailure failure,
            Instant at) {
        return event(
                sessionId,
                organizationId,
                at,
                MessageStatusChanged.newBuilder()
                        .setMessageId(messageId)
                        .setClientRef("order-42")
                        .setMetadata(java.util.Map.of("crm", "T-1"))
                        .setWaMessageId(waMessageId)
                        .setRecipient("5511999999999@s.whatsapp.net")
                        .setStatus(status)
                        .setFailure(failure)
                        .build());
    }

    /** message.sent as session-service emits it on WhatsApp's server ack. */
    public static Event sent(String sessionId, String organizationId, String messageId, String waMessageId) {
        return messageStatus(
                sessionId, organizationId, messageId, MessageStatus.SENT, waMessageId, null, Instant.now());
    }

    public static Event failed(String sessionId, String organizationId, String messageId, String code, String why) {
        return messageStatus(
                sessionId,
                organizationId,
                messageId,
                MessageStatus.FAILED,
                null,
                new MessageFailure(code, why),
                Instant.now());
    }

    public static Event groupInfo(
            String sessionId, String organizationId, String commandId, String groupJid, String subject) {
        return event(
                sessionId,
                organizationId,
                Instant.now(),
                GroupInfo.newBuilder()
                        .setCommandId(commandId)
                        .setGroupJid(groupJid)
                        .setSubject(subject)
                        .setDescription("Orders and deliveries")
                        .setOwner("5511911110000@s.whatsapp.net")
                        .setCreatedAt(Instant.parse("2024-05-01T12:00:00Z"))
                        .setParticipants(List.of(
                                new GroupParticipant("5511911110000@s.whatsapp.net", GroupRole.SUPERADMIN),
                                new GroupParticipant("5511922220000@s.whatsapp.net", GroupRole.ADMIN),
                                new GroupParticipant("5511933330000@s.whatsapp.net", GroupRole.MEMBER)))
                        .build());
    }

    public static Event commandFailed(
            String sessionId, String organizationId, String commandId, String code, String message) {
        return event(
                sessionId,
                organizationId,
                Instant.now(),
                CommandFailed.newBuilder()
                        .setCommandId(commandId)
                        .setCode(code)
                        .setMessage(message)
                        .build());
    }

    public static Event pairingCode(
            String sessionId, String organizationId, String code, String phoneNumber, Instant expiresAt) {
        return event(
                sessionId,
                organizationId,
                Instant.now(),
                SessionPairingCodeIssued.newBuilder()
                        .setCode(code)
                        .setPhoneNumber(phoneNumber)
                        .setExpiresAt(expiresAt)
                        .build());
    }

    /** An inbound text in a private chat. */
    public static Event receivedText(
            String sessionId, String organizationId, String messageId, String from, String text) {
        return event(
                sessionId,
                organizationId,
                Instant.now(),
                MessageReceived.newBuilder()
                        .setMessageId(messageId)
                        .setWaMessageId("3EB0IN" + messageId.substring(messageId.length() - 6))
                        .setChat(from)
                        .setSender(from)
                        .setPushName("Ana")
                        .setSentAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                        .setContent(new ReceivedText(text))
                        .build());
    }

    private static Event event(String sessionId, String organizationId, Instant at, Object data) {
        return Event.newBuilder()
                .setEventId("evt_" + UlidCreator.getMonotonicUlid())
                .setCreatedAt(at)
                .setSessionId(sessionId)
                .setOrganizationId(organizationId)
                .setData(data)
                .build();
    }
}
