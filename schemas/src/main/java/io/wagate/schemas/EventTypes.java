package io.wagate.schemas;

import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatusChanged;
import java.util.List;
import java.util.Locale;

/** The public type name of an event, as webhooks and the HTTP API show it. */
public final class EventTypes {

    public static final String SESSION_STATUS = "session.status";
    public static final String SESSION_QR = "session.qr";
    public static final String MESSAGE_SENT = "message.sent";
    public static final String MESSAGE_DELIVERED = "message.delivered";
    public static final String MESSAGE_READ = "message.read";
    public static final String MESSAGE_PLAYED = "message.played";
    public static final String MESSAGE_FAILED = "message.failed";

    /** Every type a subscriber can ask for. */
    public static final List<String> ALL = List.of(
            SESSION_STATUS, SESSION_QR, MESSAGE_SENT, MESSAGE_DELIVERED, MESSAGE_READ, MESSAGE_PLAYED, MESSAGE_FAILED);

    private EventTypes() {}

    public static String of(Event event) {
        return switch (event.getData()) {
            case SessionStatusChanged ignored -> SESSION_STATUS;
            case SessionQrUpdated ignored -> SESSION_QR;
            case MessageStatusChanged status ->
                "message." + status.getStatus().name().toLowerCase(Locale.ROOT);
            default ->
                throw new UndecodableRecordException(
                        "unknown event data " + event.getData().getClass().getName());
        };
    }
}
