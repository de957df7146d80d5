package io.wagate.api.session;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;

/** A pairing QR: the text to render, when WhatsApp rotates it, and which rotation of the attempt it is. */
@Serdeable(naming = SnakeCaseStrategy.class)
public record QrCode(String qr, Instant expiresAt, int rotation) {

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
