package io.wagate.session.command;

import io.wagate.session.Placement;
import io.wagate.session.groups.GroupCommands;
import io.wagate.session.runtime.SessionLifecycle;
import io.wagate.session.sending.MessageSender;
import jakarta.inject.Singleton;

/** Hands each command to the feature that carries it out. */
@Singleton
class CommandDispatcher {

    private final SessionLifecycle lifecycle;
    private final MessageSender sender;
    private final GroupCommands groups;

    CommandDispatcher(SessionLifecycle lifecycle, MessageSender sender, GroupCommands groups) {
        this.lifecycle = lifecycle;
        this.sender = sender;
        this.groups = groups;
    }

    /**
     * @param placement where the record arrived
     * @param encoded the record's value as it arrived (a send is queued as such)
     */
    void dispatch(Command command, Placement placement, byte[] encoded) {
        switch (command) {
            case Command.Connect connect -> lifecycle.connect(connect.session(), placement);
            case Command.RequestPairingCode pairing ->
                lifecycle.requestPairingCode(pairing.commandId(), pairing.session(), pairing.phoneNumber(), placement);
            case Command.Restart restart -> lifecycle.restart(restart.session());
            case Command.Logout logout -> lifecycle.logout(logout.session());
            case Command.Delete delete -> lifecycle.delete(delete.session(), placement);
            case Command.Send send -> sender.accept(send.request(), encoded, placement);
            case Command.JoinGroup join -> groups.join(join.commandId(), join.session(), join.inviteCode());
            case Command.GetGroupInfo info -> groups.describe(info.commandId(), info.session(), info.groupJid());
        }
    }
}
