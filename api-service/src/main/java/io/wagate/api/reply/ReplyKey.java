package io.wagate.api.reply;

/** What a waiting request waits for an event about. */
public sealed interface ReplyKey {

    /** The outcome of a send: message.sent (or a later receipt) or message.failed. */
    record Message(String messageId) implements ReplyKey {}

    /** The answer to a SessionCommand: GroupInfo or CommandFailed carrying its command id. */
    record Command(String commandId) implements ReplyKey {}

    /** A pairing code issued for the session (the event names no command). */
    record PairingCode(String sessionId) implements ReplyKey {}
}
