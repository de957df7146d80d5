package io.wagate.session.command;

import io.wagate.session.SessionRef;
import io.wagate.session.sending.SendRequest;

/** A decoded record of the commands topic. */
sealed interface Command {

    SessionRef session();

    /** Start (or resume) the session; pair by QR when it has no credentials. */
    record Connect(String commandId, SessionRef session) implements Command {}

    /** Pair by a code typed on the phone with {@code phoneNumber} (international form without +). */
    record RequestPairingCode(String commandId, SessionRef session, String phoneNumber) implements Command {}

    record Restart(String commandId, SessionRef session) implements Command {}

    record Logout(String commandId, SessionRef session) implements Command {}

    record Delete(String commandId, SessionRef session) implements Command {}

    /** Join a group by invite code; answered by a group.info or command.failed event. */
    record JoinGroup(String commandId, SessionRef session, String inviteCode) implements Command {}

    /** Describe a group; answered by a group.info or command.failed event. */
    record GetGroupInfo(String commandId, SessionRef session, String groupJid) implements Command {}

    record Send(SendRequest request) implements Command {

        @Override
        public SessionRef session() {
            return request.session();
        }
    }
}
