package io.wagate.api.session;

import java.util.Optional;

/** The current pairing QR of each session, kept until it expires. */
public interface QrStore {

    /** Replaces the session's QR; one that has expired already is not stored. */
    void put(String sessionId, QrCode qr);

    Optional<QrCode> find(String sessionId);
}
