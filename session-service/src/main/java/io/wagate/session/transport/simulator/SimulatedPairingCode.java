package io.wagate.session.transport.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The code the simulated WhatsApp hands out for pairing a session by code: 8 characters from
 * WhatsApp's alphabet (digits and capitals without 0, I, O and U, which are easily misread), the
 * same for a session every time so tests and the docs can know it in advance.
 */
final class SimulatedPairingCode {

    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTVWXYZ";
    static final int LENGTH = 8;

    private SimulatedPairingCode() {}

    static String of(String sessionId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("pairing-code:" + sessionId).getBytes(StandardCharsets.UTF_8));
            var code = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                code.append(ALPHABET.charAt((hash[i] & 0xFF) % ALPHABET.length()));
            }
            return code.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
