package io.wagate.schemas;

import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.GroupInfo;
import io.wagate.schemas.v1.MessageReceived;
import io.wagate.schemas.v1.MessageStatusChanged;
import io.wagate.schemas.v1.SessionPairingCodeIssued;
import io.wagate.schemas.v1.SessionQrUpdated;
import io.wagate.schemas.v1.SessionStatusChanged;
import java.util.List;
import java.util.Locale;

/** The public type name of an event, as webhooks and the HTTP API show it. */
public final class EventTypes {

    public static final String SESSION_STATUS = "session.status";
    public static final String SESSION_QR = "session.qr";
    public static final String SESSION_PAIRING_CODE = "session.pairing_code";
    public static final String MESSAGE_SENT = "message.sent";
    public static final String MESSAGE_DELIVERED = "message.delivered";
    public static final String MESSAGE_READ = "message.read";
    public static final String MESSAGE_PLAYED = "message.played";
    public static final String MESSAGE_FAILED = "message.failed";
    public static final String MESSAGE_RECEIVED = "message.received";
    public static final String GROUP_INFO = "group.info";
    public static final String COMMAND_FAILED = "command.failed";

    /** Every type a subscriber can ask for. */
    public static final List<String> ALL = List.of(
            SESSION_STATUS,
            SESSION_QR,
            SESSION_PAIRING_CODE,
            MESSAGE_SENT,
            MESSAGE_DELIVERED,
            MESSAGE_READ,
            MESSAGE_PLAYED,
            MESSAGE_FAILED,
            MESSAGE_RECEIVED,
            GROUP_INFO,
            COMMAND_FAILED);

    private EventTypes() {}

    public static String of(Event event) {
        return switch (event.getData()) {
            case SessionStatusChanged ignored -> SESSION_STATUS;
            case SessionQrUpdated ignored -> SESSION_QR;
            case SessionPairingCodeIssued ignored -> SESSION_PAIRING_CODE;
            case MessageReceived ignored -> MESSAGE_RECEIVED;
            case GroupInfo ignored -> GROUP_INFO;
            case CommandFailed ignored -> COMMAND_FAILED;
            case MessageStatusChanged status ->
                "message." + status.getStatus().name().toLowerCase(Locale.ROOT);
            default ->
                throw new UndecodableRecordException(
                        "unknown event data " + event.getData().getClass().getName());
        };
    }
}
