package io.wagate.session.events;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.MessageStatus;
import io.wagate.session.SessionStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** What this service announces on the events topic about a session or one of its messages. */
public sealed interface SessionEvent {

    /** {@code session.status}: the session moved to {@code status}; {@code reason} in lower_snake words. */
    record StatusChanged(
            SessionStatus status, String reason, @Nullable String phoneNumber) implements SessionEvent {}

    /** {@code session.qr}: a new pairing QR to show, valid until {@code expiresAt}. */
    record QrUpdated(String qr, Instant expiresAt, int rotation) implements SessionEvent {}

    /**
     * {@code message.<status>}: WhatsApp acknowledged, delivered, read or rejected a message, or we
     * failed it before it got there ({@code waMessageId} null then).
     */
    record MessageUpdated(
            String messageId,
            @Nullable String clientRef,
            Map<String, String> metadata,
            @Nullable String waMessageId,
            String recipient,
            MessageStatus status,
            @Nullable Failure failure)
            implements SessionEvent {

        public MessageUpdated {
            if (status == MessageStatus.PENDING) {
                throw new IllegalArgumentException("a pending message has nothing to announce");
            }
            if ((status == MessageStatus.FAILED) != (failure != null)) {
                throw new IllegalArgumentException("a failure goes with status FAILED and only with it");
            }
            metadata = Map.copyOf(Objects.requireNonNullElse(metadata, Map.of()));
        }
    }

    /** Why a message failed: a stable lower_snake {@code code} and words for people. */
    record Failure(String code, String message) {}
}
