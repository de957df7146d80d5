package io.wagate.session.command;

import io.wagate.schemas.v1.ConnectSession;
import io.wagate.schemas.v1.DeleteSession;
import io.wagate.schemas.v1.LogoutSession;
import io.wagate.schemas.v1.RequestPairingCode;
import io.wagate.schemas.v1.RestartSession;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.SessionCommand;
import io.wagate.schemas.v1.TextContent;
import io.wagate.session.SessionRef;
import io.wagate.session.sending.SendRequest;
import org.apache.avro.specific.SpecificRecord;

/** Avro commands as {@link Command}s; the only place here that knows the generated command classes. */
final class CommandMapper {

    private CommandMapper() {}

    /** @throws UnusableCommandException for a record type or content this version does not carry out */
    static Command fromAvro(SpecificRecord record) {
        return switch (record) {
            case SessionCommand command -> lifecycle(command);
            case SendMessage send -> send(send);
            default -> throw unsupported(record.getSchema().getFullName());
        };
    }

    private static Command lifecycle(SessionCommand command) {
        var session = new SessionRef(command.getSessionId(), command.getOrganizationId());
        String id = command.getCommandId();
        return switch (command.getAction()) {
            case ConnectSession ignored -> new Command.Connect(id, session);
            case RequestPairingCode pairing -> new Command.RequestPairingCode(id, session, pairing.getPhoneNumber());
            case RestartSession ignored -> new Command.Restart(id, session);
            case LogoutSession ignored -> new Command.Logout(id, session);
            case DeleteSession ignored -> new Command.Delete(id, session);
            default -> throw unsupported(command.getAction().getClass().getName());
        };
    }

    private static Command send(SendMessage send) {
        if (!(send.getContent() instanceof TextContent text)) {
            throw unsupported("content " + send.getContent().getClass().getName());
        }
        return new Command.Send(new SendRequest(
                new SessionRef(send.getSessionId(), send.getOrganizationId()),
                send.getMessageId(),
                send.getTo(),
                text.getText(),
                send.getClientRef(),
                send.getMetadata()));
    }

    private static UnusableCommandException unsupported(String what) {
        return new UnusableCommandException("unsupported_command", "this version cannot carry out " + what);
    }
}
