package io.wagate.session.transport;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** One session's socket to WhatsApp, as {@link WhatsAppTransport#open} returned it. */
public interface WhatsAppConnection {

    /**
     * Hands a message to WhatsApp. Completes with {@link SendOutcome.Acked} on the server ack or
     * {@link SendOutcome.Rejected} when WhatsApp refuses it; completes exceptionally when the outcome
     * is unknown (socket gone), so the caller may retry with the same WhatsApp message id.
     */
    CompletionStage<SendOutcome> send(OutboundMessage message);

    /** Shows the recipient this session typing, recording or stopped in {@code chat}. */
    CompletionStage<Void> presence(Jid chat, ChatPresence presence);

    /**
     * The JID WhatsApp knows for a phone number (digits, international form), or empty when the
     * number has no WhatsApp account.
     */
    CompletionStage<Optional<Jid>> lookup(String phoneNumber);

    /** Joins a group by invite code; fails with {@link WhatsAppRefusalException} on a bad or expired code. */
    CompletionStage<GroupMetadata> joinGroup(String inviteCode);

    /** A group's subject, description and members; fails with {@link WhatsAppRefusalException} when unknown. */
    CompletionStage<GroupMetadata> groupMetadata(Jid group);

    /** Unlinks the device from the phone; its credentials are useless afterwards. */
    CompletionStage<Void> logout();

    /** Closes the socket and stops every callback; the credentials stay valid. Idempotent. */
    void close();
}
