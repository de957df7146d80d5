package io.wagate.session.transport.cobalt;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.TransportEvent.QrCodeIssued;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The QRs of one pairing. WhatsApp hands a pairing socket several refs at once; WhatsApp Web shows
 * the first for 60 s and each next one for 20 s, then needs a new socket (whose first QR again
 * gets 60 s). Cobalt 0.0.10 shows only
 * the first, so the rest are built here the way Cobalt builds the first: {@code ref,<keys...>}.
 * The rotation count keeps growing across sockets, so whoever limits the QRs sees every one.
 */
final class QrRotation {

    private final Duration firstLifetime;
    private final Duration lifetime;
    private int rotation;
    // Per socket:
    private @Nullable List<String> refs;
    private @Nullable String keys;
    private int shown;
    private Duration lastLifetime;

    QrRotation(Duration firstLifetime, Duration lifetime) {
        this.firstLifetime = firstLifetime;
        this.lifetime = lifetime;
        this.lastLifetime = firstLifetime;
    }

    /** A new pairing socket: its refs and QR are still to come. */
    void newSocket() {
        refs = null;
        keys = null;
        shown = 0;
    }

    void refs(List<String> refs) {
        if (refs.isEmpty()) {
            return;
        }
        // Cobalt's QR may come first and stand in with its single ref; the full list replaces it.
        boolean standIn = this.refs != null
                && this.refs.size() == 1
                && refs.size() > 1
                && refs.getFirst().equals(this.refs.getFirst());
        if (this.refs == null || standIn) {
            this.refs = List.copyOf(refs);
        }
    }

    /** The QR Cobalt built from the first ref. */
    void cobaltQr(String qr) {
        int comma = qr.indexOf(',');
        if (keys == null && comma > 0) {
            keys = qr.substring(comma);
            if (refs == null) {
                refs = List.of(qr.substring(0, comma));
            }
        }
    }

    boolean ready() {
        return keys != null && refs != null;
    }

    /** Whether no QR of this socket was shown yet. */
    boolean untouched() {
        return shown == 0;
    }

    /** The next QR of this socket, or empty when its refs are used up. */
    Optional<QrCodeIssued> next(Instant now) {
        if (!ready() || shown >= refs.size()) {
            return Optional.empty();
        }
        String ref = refs.get(shown);
        lastLifetime = shown == 0 ? firstLifetime : lifetime;
        shown++;
        rotation++;
        return Optional.of(new QrCodeIssued(ref + keys, now.plus(lastLifetime), rotation));
    }

    /** How long the QR last returned by {@link #next} is shown. */
    Duration currentLifetime() {
        return lastLifetime;
    }
}
