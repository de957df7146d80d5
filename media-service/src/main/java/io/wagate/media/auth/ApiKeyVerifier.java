package io.wagate.media.auth;

import java.util.Optional;

/** Tells who an API key belongs to. */
public interface ApiKeyVerifier {

    /**
     * @return the caller the key identifies, or empty when the key is unknown or revoked
     * @throws VerifierUnavailableException when nobody can tell right now
     */
    Optional<Caller> verify(String apiKey);

    /** The owner of API keys could not be asked; the key may well be valid. */
    final class VerifierUnavailableException extends RuntimeException {
        public VerifierUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
