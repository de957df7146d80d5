package io.wagate.api.pairing;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;

/** A code to type on the phone (Linked devices → Link with phone number) instead of scanning a QR. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record PairingCode(String code, String phoneNumber, Instant expiresAt) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
