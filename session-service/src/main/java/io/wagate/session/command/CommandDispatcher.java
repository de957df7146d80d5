package io.wagate.session.command;

import io.wagate.session.runtime.SessionLifecycle;
import io.wagate.session.sending.MessageSender;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands each command to the feature that carries it out. */
@Singleton
class CommandDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

    private final SessionLifecycle lifecycle;
    private final MessageSender sender;

    CommandDispatcher(SessionLifecycle lifecycle, MessageSender sender) {
        this.lifecycle = lifecycle;
        this.sender = sender;
    }

    void dispatch(Command command, int partition) {
        switch (command) {
            case Command.Connect connect -> lifecycle.connect(connect.session(), partition);
            case Command.RequestPairingCode pairing -> {
                LOG.info(
                        "{}: pairing by code is not available yet, pairing by QR instead",
                        pairing.session().sessionId());
                lifecycle.connect(pairing.session(), partition);
            }
            case Command.Restart restart -> lifecycle.restart(restart.session(), partition);
            case Command.Logout logout -> lifecycle.logout(logout.session());
            case Command.Delete delete -> lifecycle.delete(delete.session(), partition);
            case Command.Send send -> sender.send(send.request(), partition);
        }
    }
}
