package io.wagate.session.transport;

import java.time.Instant;

/** What a {@link WhatsAppConnection} reports, in the order it happens. */
public sealed interface TransportEvent {

    /** Emitted when WhatsApp hands out a pairing QR: first on open without credentials, then on each rotation. */
    record QrCodeIssued(String qr, Instant expiresAt, int rotation) implements TransportEvent {}

    /**
     * Emitted once when a phone links this device; {@code authState} is what {@link
     * WhatsAppTransport#open} needs to reconnect without a new QR. Opaque: only the adapter reads it.
     */
    record Paired(String phoneNumber, byte[] authState) implements TransportEvent {}

    /** Emitted when the socket is logged in and can send. */
    record Connected(String phoneNumber) implements TransportEvent {}

    /** Emitted when the socket drops for a reason that does not invalidate the credentials; the adapter reconnects. */
    record Disconnected(String reason) implements TransportEvent {}

    /** Emitted when WhatsApp ends the link for good (logged out from the phone, banned, replaced): re-pairing is needed. */
    record LoggedOut(String reason) implements TransportEvent {}

    /** Emitted when a recipient's phone reports a message delivered, read or played. */
    record MessageReceipt(String waMessageId, Receipt receipt, Instant at) implements TransportEvent {}

    enum Receipt {
        DELIVERED,
        READ,
        PLAYED
    }
}
