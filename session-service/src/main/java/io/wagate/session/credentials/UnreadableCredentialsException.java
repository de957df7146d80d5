package io.wagate.session.credentials;

/** Stored credentials that cannot be decrypted; the message never contains key material. */
public final class UnreadableCredentialsException extends RuntimeException {

    public UnreadableCredentialsException(String reason) {
        super("stored credentials cannot be read: " + reason);
    }
}
