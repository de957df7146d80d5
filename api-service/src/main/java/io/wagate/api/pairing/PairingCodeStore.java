package io.wagate.api.pairing;

import java.util.Optional;

/** The current pairing code of each session, kept until it expires. */
public interface PairingCodeStore {

    /** Replaces the session's code; one that has expired already is not stored. */
    void put(String sessionId, PairingCode code);

    Optional<PairingCode> find(String sessionId);
}
