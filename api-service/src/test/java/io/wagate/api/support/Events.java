package io.wagate.api.support;

import com.github.f4b6a3.ulid.UlidCreator;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageFailure;
import io.wagate.schemas.v1.MessageStatus;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import java.time.Instant;

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
