package io.wagate.api.session;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a session is, as the API shows it (lower-case on the wire and in the table). */
public enum SessionStatus {
    PENDING,
    QR,
    CONNECTING,
    CONNECTED,
    DISCONNECTED,
    LOGGED_OUT,
    BANNED,
    REPLACED,
    DELETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SessionStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(value)).findFirst();
    }

    public static String allWire() {
        return String.join(
                ", ", Arrays.stream(values()).map(SessionStatus::wire).toList());
    }
}
