package io.wagate.webhook.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;
import java.util.Map;

/**
 * The JSON body of a webhook, {@code {id, type, created_at, session_id, data}} (docs/architecture.md).
 * Nulls are written out: a subscriber sees every field of its type, always.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
record EventPayload(
        String id, String type, String createdAt, @Nullable String sessionId, Data data) {

    /** {@code data}, one shape per event type. */
    @Serdeable
    sealed interface Data
            permits SessionStatus,
                    SessionQr,
                    SessionPairingCode,
                    MessageStatus,
                    MessageReceived,
                    GroupInfo,
                    CommandFailed,
                    EndpointDisabled {}

    /** {@code session.status} */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionStatus(
            String status,
            @Nullable String reason,
            @Nullable String phoneNumber) implements Data {}

    /** {@code session.qr} */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionQr(String qr, String expiresAt, int rotation) implements Data {}

    /** {@code session.pairing_code}: type {@code code} on the phone before {@code expires_at}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionPairingCode(String code, String phoneNumber, String expiresAt) implements Data {}

    /** {@code message.sent|delivered|read|played|failed}; {@code error} only on failed. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageStatus(
            String messageId,
            @Nullable String clientRef,
            Map<String, String> metadata,
            @Nullable String waMessageId,
            String to,
            String status,
            @Nullable MessageError error)
            implements Data {}

    /**
     * {@code message.received}: {@code type} says which shape {@code content} has (text, image, video,
     * audio, voice_note, document, sticker, location, contact, poll, poll_vote, reaction, edit, revoke).
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageReceived(
            String messageId,
            String waMessageId,
            String chat,
            String sender,
            @Nullable String pushName,
            String sentAt,
            List<String> mentions,
            @Nullable Quoted quoted,
            String type,
            Content content)
            implements Data {}

    /** The message an inbound one quotes; {@code message_id} is ours for it when we know it. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Quoted(
            String waMessageId,
            @Nullable String messageId,
            @Nullable String sender,
            @Nullable String text) {}

    /** {@code content} of {@code message.received}, one shape per {@code type}. */
    @Serdeable
    sealed interface Content permits Text, Media, Location, Contacts, Poll, PollVote, Reaction, Edit, Revoke {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Text(String text) implements Content {}

    /**
     * Media kept by media-service: {@code url} downloads it without an API key until
     * {@code url_expires_at}; both are null when the service has no signing key. Media whose bytes
     * media-service refused or never took has no {@code media_id}, {@code sha256} or {@code url}, its
     * {@code mimetype} and {@code size} as WhatsApp announced them, and an {@code error} saying why.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Media(
            @Nullable String mediaId,
            String mimetype,
            long size,
            @Nullable String sha256,
            @Nullable String caption,
            @Nullable String filename,
            @Nullable String url,
            @Nullable String urlExpiresAt,
            @Nullable MessageError error)
            implements Content {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Location(
            double latitude,
            double longitude,
            @Nullable String name,
            @Nullable String address) implements Content {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Contacts(List<String> vcards) implements Content {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Poll(String question, List<String> options, int selectableCount) implements Content {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PollVote(String pollWaMessageId, List<String> selectedOptions) implements Content {}

    /** {@code emoji} is empty when the reaction was removed. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Reaction(String targetWaMessageId, String emoji) implements Content {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Edit(String targetWaMessageId, String text) implements Content {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Revoke(String targetWaMessageId) implements Content {}

    /** {@code group.info}: a group's description, answering the command {@code command_id}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GroupInfo(
            @Nullable String commandId,
            String groupJid,
            String subject,
            @Nullable String description,
            @Nullable String owner,
            @Nullable String createdAt,
            List<GroupParticipant> participants)
            implements Data {}

    /** {@code role}: member, admin or superadmin. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record GroupParticipant(String jid, String role) {}

    /** {@code command.failed}: the command {@code command_id} was not carried out, for {@code error}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record CommandFailed(String commandId, MessageError error) implements Data {}

    /** {@code webhook.endpoint.disabled}; {@code reason} is {@code gone} (it answered 410) or {@code failing}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EndpointDisabled(String endpointId, String url, String reason) implements Data {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageError(String code, String message) {}
}
