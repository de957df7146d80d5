package io.wagate.session.sending;

/**
 * WhatsApp's answer to a send is unknown (socket gone, no ack in time, event not produced). The
 * command is not committed, so it is consumed again and resent under the same WhatsApp id.
 */
public final class SendNotSettledException extends RuntimeException {

    SendNotSettledException(String messageId, Throwable cause) {
        super("send of " + messageId + " not settled: " + cause, cause);
    }
}
