package io.wagate.session.transport;

import java.util.Objects;

/** How {@link WhatsAppTransport#open} logs a session in. */
public sealed interface Pairing {

    /** Reconnect with the credentials a previous {@link TransportEvent.Paired} handed out: no QR, no code. */
    record Resume(byte[] authState) implements Pairing {

        public Resume {
            Objects.requireNonNull(authState, "authState");
        }
    }

    /** Link a new device by QR: {@link TransportEvent.QrCodeIssued} follows, then rotations. */
    record ByQr() implements Pairing {}

    /**
     * Link a new device by an 8-character code the user types on the phone with this number
     * (international form without +): {@link TransportEvent.PairingCodeIssued} follows.
     */
    record ByCode(String phoneNumber) implements Pairing {

        public ByCode {
            Objects.requireNonNull(phoneNumber, "phoneNumber");
        }
    }
}
