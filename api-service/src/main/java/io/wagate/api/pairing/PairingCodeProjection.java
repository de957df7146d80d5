package io.wagate.api.pairing;

import io.wagate.api.event.EventProjection;
import io.wagate.schemas.v1.Event;
import jakarta.inject.Singleton;

/** Keeps each session's latest pairing code readable, like its QR, until it expires. */
@Singleton
public class PairingCodeProjection implements EventProjection {

    private final PairingCodeStore codes;

    PairingCodeProjection(PairingCodeStore codes) {
        this.codes = codes;
    }

    @Override
    public void project(Event event) {
        PairingEvents.issued(event).ifPresent(code -> codes.put(event.getSessionId(), code));
    }
}
