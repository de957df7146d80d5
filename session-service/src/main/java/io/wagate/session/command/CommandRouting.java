package io.wagate.session.command;

import io.micronaut.core.annotation.Nullable;
import io.wagate.schemas.CommandCodec;
import io.wagate.schemas.UndecodableRecordException;
import java.util.Objects;

/** Decides, before anything is done, whether a commands-topic record is carried out or set aside. */
final class CommandRouting {

    sealed interface Route {}

    record CarryOut(Command command) implements Route {}

    /** To the dead-letter topic, with a lower_snake {@code reason}. */
    record SetAside(String reason, String detail) implements Route {}

    private CommandRouting() {}

    static Route route(@Nullable String key, byte[] value) {
        Command command;
        try {
            command = CommandMapper.fromAvro(CommandCodec.decode(value));
        } catch (UndecodableRecordException e) {
            return new SetAside("undecodable", e.getMessage());
        } catch (UnusableCommandException e) {
            return new SetAside(e.reason(), e.getMessage());
        }
        if (!Objects.equals(key, command.session().sessionId())) {
            // Keyed otherwise, it may sit on a partition another instance owns.
            return new SetAside("key_mismatch", "record key " + key + " is not the session id");
        }
        return new CarryOut(command);
    }
}
