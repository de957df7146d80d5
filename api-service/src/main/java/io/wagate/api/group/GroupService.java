package io.wagate.api.group;

import io.wagate.api.Ids;
import io.wagate.api.auth.Caller;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.reply.CommandReplies;
import io.wagate.api.sending.Recipients;
import io.wagate.api.session.Session;
import io.wagate.api.session.SessionService;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Joins groups and reads them, through session-service, waiting for its answer. */
@Singleton
public class GroupService {

    private final SessionService sessions;
    private final CommandReplies commands;

    GroupService(SessionService sessions, CommandReplies commands) {
        this.sessions = sessions;
        this.commands = commands;
    }

    public GroupJson join(Caller caller, String sessionId, String invite) {
        String code = InviteCodes.parse(invite);
        Session session = sessions.connected(caller, sessionId);
        String commandId = Ids.command();
        return await(session, commandId, GroupCommandMapper.join(commandId, session, code, now()));
    }

    public GroupJson info(Caller caller, String sessionId, String groupJid) {
        String jid = Recipients.group("group_jid", groupJid);
        Session session = sessions.connected(caller, sessionId);
        String commandId = Ids.command();
        return await(session, commandId, GroupCommandMapper.info(commandId, session, jid, now()));
    }

    private GroupJson await(Session session, String commandId, byte[] command) {
        return commands.publishAndAwait(session.id(), commandId, command)
                .map(GroupCommandMapper::answer)
                .orElseThrow(() -> new ApiException(new ApiError.Timeout(
                        "the session did not answer in time; retry (the command may still be carried out)")));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
