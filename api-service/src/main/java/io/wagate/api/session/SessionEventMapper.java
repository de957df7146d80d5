package io.wagate.api.session;

import io.wagate.schemas.EventCodec;
import io.wagate.schemas.EventTypes;
import io.wagate.schemas.UndecodableRecordException;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatusChanged;
import java.util.Locale;

/** Reads events-topic records into {@link SessionEvent}s; the only session class that sees Avro. */
final class SessionEventMapper {

    private SessionEventMapper() {}

    /** @throws UndecodableRecordException when the bytes are not an event of the contract */
    static SessionEvent decode(byte[] bytes) {
        return map(EventCodec.decode(bytes));
    }

    static SessionEvent map(Event event) {
        String sessionId = event.getSessionId();
        return switch (event.getData()) {
            case SessionStatusChanged changed -> statusChanged(event, changed);
            case SessionQrUpdated qr ->
                new SessionEvent.QrUpdated(sessionId, new QrCode(qr.getQr(), qr.getExpiresAt(), qr.getRotation()));
            default -> new SessionEvent.Ignored(sessionId, EventTypes.of(event));
        };
    }

    private static SessionEvent statusChanged(Event event, SessionStatusChanged changed) {
        return SessionStatus.fromWire(changed.getStatus().name().toLowerCase(Locale.ROOT))
                .<SessionEvent>map(status -> new SessionEvent.StatusChanged(
                        event.getSessionId(),
                        event.getCreatedAt(),
                        status,
                        changed.getReason(),
                        changed.getPhoneNumber()))
                .orElseGet(() -> new SessionEvent.Ignored(
                        event.getSessionId(), EventTypes.SESSION_STATUS + " " + changed.getStatus()));
    }
}
