package io.wagate.api.session;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;

/** An event from the events topic, as far as the session projection cares. */
public sealed interface SessionEvent {

    String sessionId();

    /** Emitted when session-service moves a session to another status. */
    record StatusChanged(
            String sessionId,
            Instant occurredAt,
            SessionStatus status,
            @Nullable String reason,
            @Nullable String phoneNumber)
            implements SessionEvent {}

    /** Emitted each time WhatsApp rotates the pairing QR. */
    record QrUpdated(String sessionId, QrCode qr) implements SessionEvent {}

    /** An event this projection does not keep (message events, unknown statuses). */
    record Ignored(String sessionId, String type) implements SessionEvent {}
}
