package io.wagate.session.transport;

/** What the recipient sees this session doing in a chat. */
public enum ChatPresence {
    /** "typing..." */
    COMPOSING,
    /** "recording audio..." */
    RECORDING,
    /** Stopped typing or recording. */
    PAUSED
}
