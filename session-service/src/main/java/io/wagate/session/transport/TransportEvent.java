package io.wagate.session.transport;

import java.time.Instant;

/** What a {@link WhatsAppConnection} reports, in the order it happens. */
public sealed interface TransportEvent {

    /** Emitted when WhatsApp hands out a pairing QR: first on open without credentials, then on each rotation. */
    record QrCodeIssued(String qr, Instant expiresAt, int rotation) implements TransportEvent {}

    /** Emitted when pairing by code: the user types {@code code} on the phone before {@code expiresAt}. */
    record PairingCodeIssued(String code, Instant expiresAt) implements TransportEvent {}

    /**
     * Emitted once when a phone links this device; {@code authState} is what {@link
     * WhatsAppTransport#open} needs to reconnect without a new QR. Opaque: only the adapter reads it.
     */
    record Paired(String phoneNumber, byte[] authState) implements TransportEvent {}

    /**
     * Emitted when the credentials changed after pairing (the adapter's keys, pre-keys, app-state
     * keys move on as it talks to WhatsApp). Stored like {@link Paired}'s, so a resume on another
     * instance or after a restart starts from them. Only emitted when the bytes differ.
     */
    record CredentialsUpdated(byte[] authState) implements TransportEvent {}

    /** Emitted when the socket is logged in and can send. */
    record Connected(String phoneNumber) implements TransportEvent {}

    /** Emitted when the socket drops for a reason that does not invalidate the credentials; the adapter reconnects. */
    record Disconnected(String reason) implements TransportEvent {}

    /**
     * Emitted when WhatsApp ends the link for good: re-pairing is needed. {@code reason} says more in
     * lower_snake words (logged_out_from_phone, credentials_rejected, ...).
     */
    record LoggedOut(Ending ending, String reason) implements TransportEvent {}

    /** Why a link ended for good. */
    enum Ending {
        /** Unlinked from the phone, or the credentials are no longer accepted. */
        LOGGED_OUT,
        /** WhatsApp banned the number. */
        BANNED,
        /** Another client took over this device's session. */
        REPLACED
    }

    /** Emitted for every message that arrives in one of the session's chats. */
    record MessageReceived(InboundMessage message) implements TransportEvent {}

    /** Emitted when a recipient's phone reports a message delivered, read or played. */
    record MessageReceipt(String waMessageId, Receipt receipt, Instant at) implements TransportEvent {}

    enum Receipt {
        DELIVERED,
        READ,
        PLAYED
    }
}
