package io.wagate.session.credentials;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.store.SessionRepository;
import io.wagate.session.store.SessionRow;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sessions' WhatsApp credentials, encrypted on their way into PostgreSQL and decrypted on the way out. */
@Singleton
public class CredentialVault {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialVault.class);

    private final SessionRepository sessions;
    private final AuthStateCipher cipher;

    CredentialVault(SessionRepository sessions, AuthStateCipher cipher) {
        this.sessions = sessions;
        this.cipher = cipher;
    }

    /** @return false when {@code epoch} no longer owns the session (nothing was stored) */
    public boolean store(String sessionId, String phoneNumber, byte[] credentials, long epoch) {
        return sessions.updateCredentialsOwned(sessionId, phoneNumber, cipher.seal(sessionId, credentials), epoch) == 1;
    }

    /** The row's credentials, or null when it has none or they cannot be read (it must pair anew). */
    public @Nullable byte[] credentialsOf(SessionRow row) {
        if (row.authState() == null) {
            return null;
        }
        try {
            return cipher.open(row.id(), row.authState());
        } catch (UnreadableCredentialsException e) {
            LOG.warn("{}: {}; it must be paired again", row.id(), e.getMessage());
            return null;
        }
    }
}
