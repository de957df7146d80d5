package io.wagate.session.transport;

import java.util.concurrent.CompletionStage;

/** One session's socket to WhatsApp, as {@link WhatsAppTransport#open} returned it. */
public interface WhatsAppConnection {

    /**
     * Hands a message to WhatsApp. Completes with {@link SendOutcome.Acked} on the server ack or
     * {@link SendOutcome.Rejected} when WhatsApp refuses it; completes exceptionally when the outcome
     * is unknown (socket gone), so the caller may retry with the same WhatsApp message id.
     */
    CompletionStage<SendOutcome> send(OutboundMessage message);

    /** Unlinks the device from the phone; its credentials are useless afterwards. */
    CompletionStage<Void> logout();

    /** Closes the socket and stops every callback; the credentials stay valid. Idempotent. */
    void close();
}
