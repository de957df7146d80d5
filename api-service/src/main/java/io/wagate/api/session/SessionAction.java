package io.wagate.api.session;

/** What a caller can ask of a session's lifecycle; session-service carries it out. */
public enum SessionAction {
    /** Open the socket: pair by QR when the session was never linked, else resume. */
    CONNECT,
    /** Close the socket and open it again with the same credentials. */
    RESTART,
    /** Unlink the device from the phone and forget its credentials; connect pairs anew. */
    LOGOUT,
    /** Log out if linked and forget the session; it answers 404 from then on. */
    DELETE
}
