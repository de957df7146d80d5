package io.wagate.session.credentials;

import jakarta.inject.Singleton;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts credentials with AES-256-GCM. A sealed blob is {@code 0x01}, the key id's length and
 * bytes, a 12-byte random nonce, then ciphertext and tag; the session id is authenticated with it,
 * so a blob copied to another session's row does not open.
 */
@Singleton
public final class AuthStateCipher {

    private static final byte FORMAT = 0x01;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;
    private final SecureRandom random = new SecureRandom();

    public AuthStateCipher(AuthStateKeys config) {
        this.activeKeyId = config.activeKeyId();
        this.keys = config.byId();
    }

    public byte[] seal(String sessionId, byte[] plain) {
        byte[] keyId = activeKeyId.getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), nonce, sessionId, plain);
        return ByteBuffer.allocate(2 + keyId.length + NONCE_BYTES + sealed.length)
                .put(FORMAT)
                .put((byte) keyId.length)
                .put(keyId)
                .put(nonce)
                .put(sealed)
                .array();
    }

    /** @throws UnreadableCredentialsException when the blob is not ours, was altered, or its key is gone */
    public byte[] open(String sessionId, byte[] blob) {
        try {
            ByteBuffer in = ByteBuffer.wrap(blob);
            if (in.get() != FORMAT) {
                throw new UnreadableCredentialsException("unknown format");
            }
            byte[] keyId = new byte[in.get()];
            in.get(keyId);
            SecretKey key = keys.get(new String(keyId, StandardCharsets.UTF_8));
            if (key == null) {
                throw new UnreadableCredentialsException(
                        "sealed with key '" + new String(keyId, StandardCharsets.UTF_8) + "', which is not configured");
            }
            byte[] nonce = new byte[NONCE_BYTES];
            in.get(nonce);
            byte[] sealed = new byte[in.remaining()];
            in.get(sealed);
            return crypt(Cipher.DECRYPT_MODE, key, nonce, sessionId, sealed);
        } catch (RuntimeException e) {
            throw e instanceof UnreadableCredentialsException u ? u : new UnreadableCredentialsException("truncated");
        }
    }

    private static byte[] crypt(int mode, SecretKey key, byte[] nonce, String sessionId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(sessionId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new UnreadableCredentialsException("authentication failed");
        }
    }
}
