package io.wagate.session.command;

import io.wagate.schemas.CommandCodec;
import io.wagate.session.sending.SendCommandCodec;
import io.wagate.session.sending.SendRequest;
import jakarta.inject.Singleton;

/** Reads a queued SendMessage back the way {@link CommandListener} read it when it arrived. */
@Singleton
class AvroSendCommandCodec implements SendCommandCodec {

    @Override
    public SendRequest decode(byte[] encoded) {
        if (CommandMapper.fromAvro(CommandCodec.decode(encoded)) instanceof Command.Send send) {
            return send.request();
        }
        throw new IllegalArgumentException("a queued command that is not a SendMessage");
    }
}
