package io.wagate.session.events;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.MessageStatus;
import io.wagate.session.SessionStatus;
import java.time.Instant;
import java.util.List;
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

    /** {@code session.pairing_code}: type {@code code} on the phone with {@code phoneNumber} before {@code expiresAt}. */
    record PairingCodeIssued(String code, String phoneNumber, Instant expiresAt) implements SessionEvent {}

    /**
     * {@code message.received}: a message arrived in one of the session's chats. {@code chat} is the
     * group for a group message, where {@code sender} is the member who wrote it.
     */
    record MessageReceived(
            String messageId,
            String waMessageId,
            String chat,
            String sender,
            @Nullable String pushName,
            Instant sentAt,
            List<String> mentions,
            @Nullable Quoted quoted,
            ReceivedContent content)
            implements SessionEvent {

        public MessageReceived {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(waMessageId, "waMessageId");
            Objects.requireNonNull(content, "content");
            mentions = List.copyOf(mentions);
        }

        /** The message this one quotes; {@code messageId} is ours for it when we know the message. */
        public record Quoted(
                String waMessageId,
                @Nullable String messageId,
                @Nullable String sender,
                @Nullable String text) {}
    }

    /** {@code group.info}: a group's description, answering the command {@code commandId}. */
    record GroupInfo(
            @Nullable String commandId,
            String groupJid,
            String subject,
            @Nullable String description,
            @Nullable String owner,
            @Nullable Instant createdAt,
            List<Participant> participants)
            implements SessionEvent {

        public GroupInfo {
            participants = List.copyOf(participants);
        }

        public record Participant(String jid, Role role) {}

        public enum Role {
            MEMBER,
            ADMIN,
            SUPERADMIN
        }
    }

    /** {@code command.failed}: the session command {@code commandId} could not be carried out. */
    record CommandFailed(String commandId, String code, String message) implements SessionEvent {}
}
