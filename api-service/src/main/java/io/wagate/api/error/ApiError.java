package io.wagate.api.error;

import io.micronaut.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every error the API answers, each with its HTTP status, its stable lower_snake code and its
 * details. The one place an error is classified; {@link ErrorEnvelope} only renders it.
 */
public sealed interface ApiError {

    record Unauthorized() implements ApiError {}

    record Forbidden(String message) implements ApiError {}

    record NotFound(String message) implements ApiError {}

    record MethodNotAllowed(String method) implements ApiError {}

    record NotAcceptable() implements ApiError {}

    record UnsupportedContentType(String contentType) implements ApiError {}

    record PayloadTooLarge() implements ApiError {}

    record InvalidJson(String message) implements ApiError {}

    record BadRequest(String message) implements ApiError {}

    /** {@code errors} is never empty; the first one names {@code details.field}. */
    record ValidationError(List<FieldError> errors) implements ApiError {
        public ValidationError {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a validation error needs at least one field error");
            }
            errors = List.copyOf(errors);
        }

        public static ValidationError of(String field, String message) {
            return new ValidationError(List.of(new FieldError(field, message)));
        }
    }

    /** {@code field} is the request field holding the number ({@code to}, {@code mentions}, {@code phone_number}...). */
    record InvalidPhoneNumber(String field, String message) implements ApiError {}

    /** A JID that is malformed or of a server we do not send to. */
    record InvalidRecipient(String field, String message) implements ApiError {}

    /** {@code mentions} or {@code mention_all} on a recipient that is not a group. */
    record MentionsNotSupported(String recipient) implements ApiError {}

    /**
     * A poll WhatsApp would refuse: not 2 to 12 options, a repeated option, or more selectable than
     * offered. The same code a poll produced straight to Kafka fails with.
     */
    record PollInvalid(String field, String message) implements ApiError {}

    /** {@code reply_private} where it cannot work (no group recipient). */
    record PrivateReplyFailed(String message) implements ApiError {}

    /** A target message (of a reply or a reaction) that belongs to another session. */
    record TargetNotFound(String code, String field, String messageId) implements ApiError {}

    /** An edit of a message that is not an outbound text of this session. */
    record EditNotAllowed(String message) implements ApiError {}

    /** A deletion of a message this session did not send. */
    record RevokeNotAllowed(String message) implements ApiError {}

    /** The session is linked already; pairing again needs a logout first. */
    record AlreadyConnected() implements ApiError {}

    record PairingCodeNotAvailable(String status) implements ApiError {}

    /** An invite that is neither a code nor a chat.whatsapp.com link. */
    record InvalidInvite(String message) implements ApiError {}

    /** A sync send found the session's or the organization's send bucket empty. */
    record RateLimited(String scope, long retryAfterSeconds) implements ApiError {}

    /** media-service refused the media; its status and code are passed on as they are. */
    record MediaRejected(int status, String code, String message, Map<String, Object> details) implements ApiError {
        public MediaRejected {
            details = Map.copyOf(details);
        }
    }

    /** A synchronous send that WhatsApp (or session-service) refused; {@code code} is the failure's code. */
    record MessageFailed(String messageId, String code, String message, boolean replayed) implements ApiError {}

    /** session-service could not carry out a command; {@code code} is its CommandFailed code. */
    record CommandFailed(String code, String message) implements ApiError {}

    /** session-service did not answer a command in time. */
    record Timeout(String message) implements ApiError {}

    record NotConnected(String status) implements ApiError {}

    record QrNotAvailable(String status) implements ApiError {}

    record Unavailable(String message) implements ApiError {}

    /** The Idempotency-Key was used before for a different request. */
    record IdempotencyKeyReused() implements ApiError {}

    /** The first request with this Idempotency-Key is still being handled. */
    record IdempotencyKeyInProgress() implements ApiError {}

    /** A status the API itself never chooses, reported by the framework (e.g. 408). */
    record OtherStatus(HttpStatus status) implements ApiError {}

    record Internal() implements ApiError {}

    default HttpStatus httpStatus() {
        return switch (this) {
            case Unauthorized ignored -> HttpStatus.UNAUTHORIZED;
            case Forbidden ignored -> HttpStatus.FORBIDDEN;
            case NotFound ignored -> HttpStatus.NOT_FOUND;
            case MethodNotAllowed ignored -> HttpStatus.METHOD_NOT_ALLOWED;
            case NotAcceptable ignored -> HttpStatus.NOT_ACCEPTABLE;
            case UnsupportedContentType ignored -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case PayloadTooLarge ignored -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            case InvalidJson ignored -> HttpStatus.BAD_REQUEST;
            case BadRequest ignored -> HttpStatus.BAD_REQUEST;
            case ValidationError ignored -> HttpStatus.BAD_REQUEST;
            case InvalidPhoneNumber ignored -> HttpStatus.BAD_REQUEST;
            case InvalidRecipient ignored -> HttpStatus.BAD_REQUEST;
            case MentionsNotSupported ignored -> HttpStatus.BAD_REQUEST;
            case PollInvalid ignored -> HttpStatus.BAD_REQUEST;
            case PrivateReplyFailed ignored -> HttpStatus.BAD_REQUEST;
            case TargetNotFound ignored -> HttpStatus.BAD_REQUEST;
            case EditNotAllowed ignored -> HttpStatus.BAD_REQUEST;
            case RevokeNotAllowed ignored -> HttpStatus.BAD_REQUEST;
            case AlreadyConnected ignored -> HttpStatus.CONFLICT;
            case PairingCodeNotAvailable ignored -> HttpStatus.CONFLICT;
            case InvalidInvite ignored -> HttpStatus.BAD_REQUEST;
            case RateLimited ignored -> HttpStatus.TOO_MANY_REQUESTS;
            case MediaRejected rejected -> HttpStatus.valueOf(rejected.status());
            case MessageFailed ignored -> HttpStatus.UNPROCESSABLE_ENTITY;
            case CommandFailed failed -> CommandFailures.status(failed.code());
            case Timeout ignored -> HttpStatus.GATEWAY_TIMEOUT;
            case NotConnected ignored -> HttpStatus.CONFLICT;
            case QrNotAvailable ignored -> HttpStatus.CONFLICT;
            case Unavailable ignored -> HttpStatus.SERVICE_UNAVAILABLE;
            case IdempotencyKeyReused ignored -> HttpStatus.UNPROCESSABLE_ENTITY;
            case IdempotencyKeyInProgress ignored -> HttpStatus.CONFLICT;
            case OtherStatus other -> other.status();
            case Internal ignored -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    default String code() {
        return switch (this) {
            case Unauthorized ignored -> "unauthorized";
            case Forbidden ignored -> "forbidden";
            case NotFound ignored -> "not_found";
            case MethodNotAllowed ignored -> "method_not_allowed";
            case NotAcceptable ignored -> "not_acceptable";
            case UnsupportedContentType ignored -> "unsupported_content_type";
            case PayloadTooLarge ignored -> "payload_too_large";
            case InvalidJson ignored -> "invalid_json";
            case BadRequest ignored -> "bad_request";
            case ValidationError ignored -> "validation_error";
            case InvalidPhoneNumber ignored -> "invalid_phone_number";
            case InvalidRecipient ignored -> "invalid_recipient";
            case MentionsNotSupported ignored -> "mentions_not_supported";
            case PollInvalid ignored -> "poll_invalid";
            case PrivateReplyFailed ignored -> "private_reply_failed";
            case TargetNotFound notFound -> notFound.code();
            case EditNotAllowed ignored -> "edit_not_allowed";
            case RevokeNotAllowed ignored -> "revoke_not_allowed";
            case AlreadyConnected ignored -> "already_connected";
            case PairingCodeNotAvailable ignored -> "pairing_code_not_available";
            case InvalidInvite ignored -> "invalid_invite";
            case RateLimited ignored -> "rate_limited";
            case MediaRejected rejected -> rejected.code();
            case MessageFailed failed -> failed.code();
            case CommandFailed failed -> failed.code();
            case Timeout ignored -> "timeout";
            case NotConnected ignored -> "not_connected";
            case QrNotAvailable ignored -> "qr_not_available";
            case Unavailable ignored -> "unavailable";
            case IdempotencyKeyReused ignored -> "idempotency_key_reused";
            case IdempotencyKeyInProgress ignored -> "idempotency_key_in_progress";
            case OtherStatus other -> lowerSnake(other.status().getReason());
            case Internal ignored -> "internal_error";
        };
    }

    default String message() {
        return switch (this) {
            case Unauthorized ignored -> "missing, unknown or revoked API key";
            case Forbidden forbidden -> forbidden.message();
            case NotFound notFound -> notFound.message();
            case MethodNotAllowed notAllowed -> "method " + notAllowed.method() + " is not allowed here";
            case NotAcceptable ignored -> "this resource answers application/json only";
            case UnsupportedContentType unsupported ->
                "content type " + unsupported.contentType() + " is not supported; send application/json";
            case PayloadTooLarge ignored -> "request body too large";
            case InvalidJson invalid -> invalid.message();
            case BadRequest bad -> bad.message();
            case ValidationError validation ->
                validation.errors().getFirst().field() + ": "
                        + validation.errors().getFirst().message();
            case InvalidPhoneNumber invalid -> invalid.message();
            case InvalidRecipient invalid -> invalid.message();
            case MentionsNotSupported ignored -> "mentions are only supported in group chats (a @g.us recipient)";
            case PollInvalid invalid -> invalid.field() + ": " + invalid.message();
            case PrivateReplyFailed failed -> failed.message();
            case TargetNotFound notFound -> "message " + notFound.messageId() + " is not a message of this session";
            case EditNotAllowed notAllowed -> notAllowed.message();
            case RevokeNotAllowed notAllowed -> notAllowed.message();
            case AlreadyConnected ignored -> "the session is connected already; log it out to pair another phone";
            case PairingCodeNotAvailable unavailable -> "no pairing code to enter: session is " + unavailable.status();
            case InvalidInvite invalid -> invalid.message();
            case RateLimited limited ->
                "too many sends for this " + limited.scope() + "; retry in " + limited.retryAfterSeconds()
                        + " s or send with ?async=true to have it paced";
            case MediaRejected rejected -> rejected.message();
            case MessageFailed failed -> failed.message();
            case CommandFailed failed -> failed.message();
            case Timeout timeout -> timeout.message();
            case NotConnected notConnected -> "session is " + notConnected.status() + ", not connected";
            case QrNotAvailable qr -> "no QR code to scan: session is " + qr.status();
            case Unavailable unavailable -> unavailable.message();
            case IdempotencyKeyReused ignored ->
                "this Idempotency-Key was used for a different request; use a new key for a new request";
            case IdempotencyKeyInProgress ignored ->
                "the first request with this Idempotency-Key is still in progress; retry shortly";
            case OtherStatus other -> other.status().getReason();
            case Internal ignored -> "internal error";
        };
    }

    default Map<String, Object> details() {
        return switch (this) {
            case ValidationError validation -> {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("field", validation.errors().getFirst().field());
                details.put("errors", validation.errors());
                yield details;
            }
            case InvalidPhoneNumber invalid -> Map.of("field", invalid.field());
            case InvalidRecipient invalid -> Map.of("field", invalid.field());
            case MentionsNotSupported unsupported -> Map.of("field", "mentions", "to", unsupported.recipient());
            case PollInvalid invalid -> Map.of("field", invalid.field());
            case PrivateReplyFailed ignored -> Map.of("field", "reply_private");
            case TargetNotFound notFound -> Map.of("field", notFound.field(), "message_id", notFound.messageId());
            case EditNotAllowed ignored -> Map.of();
            case RevokeNotAllowed ignored -> Map.of();
            case AlreadyConnected ignored -> Map.of("status", "connected");
            case PairingCodeNotAvailable unavailable -> Map.of("status", unavailable.status());
            case InvalidInvite ignored -> Map.of("field", "invite");
            case RateLimited limited ->
                Map.of("scope", limited.scope(), "retry_after_seconds", limited.retryAfterSeconds());
            case MediaRejected rejected -> rejected.details();
            case MessageFailed failed ->
                Map.of("message_id", failed.messageId(), "status", "failed", "replayed", failed.replayed());
            case CommandFailed ignored -> Map.of();
            case Timeout ignored -> Map.of();
            case NotConnected notConnected -> Map.of("status", notConnected.status());
            case QrNotAvailable qr -> Map.of("status", qr.status());
            case UnsupportedContentType unsupported -> Map.of("content_type", unsupported.contentType());
            case Unauthorized ignored -> Map.of();
            case Forbidden ignored -> Map.of();
            case NotFound ignored -> Map.of();
            case MethodNotAllowed ignored -> Map.of();
            case NotAcceptable ignored -> Map.of();
            case PayloadTooLarge ignored -> Map.of();
            case InvalidJson ignored -> Map.of();
            case BadRequest ignored -> Map.of();
            case Unavailable ignored -> Map.of();
            case IdempotencyKeyReused ignored -> Map.of();
            case IdempotencyKeyInProgress ignored -> Map.of();
            case OtherStatus ignored -> Map.of();
            case Internal ignored -> Map.of();
        };
    }

    private static String lowerSnake(String reason) {
        return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
    }
}
