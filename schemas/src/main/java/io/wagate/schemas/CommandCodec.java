package io.wagate.schemas;

import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.SessionCommand;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/** Encodes and decodes the records of the {@link Topics#COMMANDS} topic. */
public final class CommandCodec {

    private static final SingleObjectCodec CODEC =
            new SingleObjectCodec(List.of(SessionCommand.getClassSchema(), SendMessage.getClassSchema()));

    private CommandCodec() {}

    public static byte[] encode(SessionCommand command) {
        return CODEC.encode(command);
    }

    public static byte[] encode(SendMessage command) {
        return CODEC.encode(command);
    }

    /**
     * Returns a {@link SessionCommand} or a {@link SendMessage}.
     *
     * @throws UndecodableRecordException when the bytes are neither
     */
    public static SpecificRecord decode(byte[] bytes) {
        return CODEC.decode(bytes);
    }
}
