package io.wagate.session.sending;

/**
 * The {@code message.failed} codes this service decides itself (WhatsApp's own come from the
 * transport, media-service's — media_too_large, unsupported_media_type, url_not_allowed,
 * media_fetch_failed, media_not_found — pass through as they are).
 */
final class MessageFailures {

    static final String INVALID_MESSAGE = "invalid_message";
    static final String SESSION_NOT_FOUND = "session_not_found";
    static final String SESSION_NOT_CONNECTED = "session_not_connected";
    /** WhatsApp never answered a send (tried {@code send-attempts} times under the same WhatsApp id). */
    static final String WHATSAPP_UNAVAILABLE = "whatsapp_unavailable";
    /** Composing kept needing an answer that did not come (media-service, a lookup), {@code send-attempts} times. */
    static final String TEMPORARILY_UNAVAILABLE = "temporarily_unavailable";

    static final String INVALID_RECIPIENT = "invalid_recipient";
    static final String NOT_ON_WHATSAPP = "not_on_whatsapp";
    static final String MENTIONS_NOT_SUPPORTED = "mentions_not_supported";
    static final String REPLY_MESSAGE_NOT_FOUND = "reply_message_not_found";
    static final String PRIVATE_REPLY_FAILED = "private_reply_failed";
    static final String EDIT_NOT_ALLOWED = "edit_not_allowed";
    static final String REVOKE_NOT_ALLOWED = "revoke_not_allowed";
    static final String REACTION_TARGET_NOT_FOUND = "reaction_target_not_found";
    static final String POLL_INVALID = "poll_invalid";

    private MessageFailures() {}
}
