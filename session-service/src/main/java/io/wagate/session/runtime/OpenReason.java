package io.wagate.session.runtime;

/**
 * Why a session's socket is being opened; the word is the {@code reason} of the status it announces
 * first ({@code pending} without credentials, {@code connected} with them).
 */
public enum OpenReason {
    /** A ConnectSession for a session we had never seen. */
    CREATED("created"),
    /** A ConnectSession for a known session that was not running (after a logout, say). */
    REQUESTED("connect_requested"),
    /** This instance took over the session's partition (start-up, rebalance). */
    RESUMED("resumed"),
    /** A RestartSession command. */
    RESTARTED("restarted"),
    /** The socket dropped and the session connects again by itself. */
    RECONNECTED("reconnected");

    private final String word;

    OpenReason(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
