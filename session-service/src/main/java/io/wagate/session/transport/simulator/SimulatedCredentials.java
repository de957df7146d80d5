package io.wagate.session.transport.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a simulated pairing creates, shaped like a real linked device's (noise key, identity key,
 * ADV secret), and the phone number that "scanned". Serialized as the opaque auth state the
 * session-service stores.
 */
record SimulatedCredentials(String phoneNumber, String noiseKey, String identityKey, String advSecret) {

    private static final String FORMAT = "wagate-simulator-credentials/1";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Fresh keys for a pairing attempt of this session; the phone that will scan is derived from the session id. */
    static SimulatedCredentials generate(String sessionId) {
        return forNumber(phoneNumberOf(sessionId));
    }

    /** Fresh keys for a pairing by code: the phone is the one the code was requested for. */
    static SimulatedCredentials forNumber(String phoneNumber) {
        return new SimulatedCredentials(phoneNumber, randomKey(), randomKey(), randomKey());
    }

    /** A number in the fictional 1-555 range, the same for a session every time. */
    static String phoneNumberOf(String sessionId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xFF);
            }
            return "1555" + String.format("%07d", Math.floorMod(value, 10_000_000L));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String randomKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    byte[] toBytes() {
        String text = FORMAT + "\nphone_number=" + phoneNumber + "\nnoise_key=" + noiseKey + "\nidentity_key="
                + identityKey + "\nadv_secret=" + advSecret + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Empty when the bytes are not credentials this simulator wrote. */
    static Optional<SimulatedCredentials> fromBytes(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        if (lines.length == 0 || !lines[0].equals(FORMAT)) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                fields.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
            }
        }
        String phone = fields.get("phone_number");
        String noise = fields.get("noise_key");
        String identity = fields.get("identity_key");
        String adv = fields.get("adv_secret");
        if (phone == null || noise == null || identity == null || adv == null) {
            return Optional.empty();
        }
        return Optional.of(new SimulatedCredentials(phone, noise, identity, adv));
    }

    /** The text WhatsApp Web encodes in its pairing QR: {@code ref,noise key,identity key,adv secret}. */
    String qrText() {
        byte[] ref = new byte[48];
        RANDOM.nextBytes(ref);
        return "2@" + Base64.getEncoder().encodeToString(ref) + "," + noiseKey + "," + identityKey + "," + advSecret;
    }

    @Override
    public String toString() {
        // never print the keys
        return "SimulatedCredentials[phoneNumber=" + phoneNumber + "]";
    }
}
