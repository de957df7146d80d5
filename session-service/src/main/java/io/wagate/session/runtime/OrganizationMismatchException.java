package io.wagate.session.runtime;

/** A command names a session of another organization than its own: it is refused, never applied. */
public final class OrganizationMismatchException extends RuntimeException {

    public OrganizationMismatchException(String sessionId) {
        super("session " + sessionId + " belongs to another organization than the command's");
    }
}
