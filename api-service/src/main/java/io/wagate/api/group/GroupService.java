package io.wagate.api.group;

import io.wagate.api.Ids;
import io.wagate.api.auth.Caller;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.reply.CommandReplies;
import io.wagate.api.session.Session;
import io.wagate.api.session.SessionService;
import io.wagate.api.session.SessionStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** Joins groups and reads them, through session-service, waiting for its answer. */
@Singleton
public class GroupService {

    private static final Pattern GROUP_USER = Pattern.compile("[0-9]{1,32}(-[0-9]{1,32})?");
    private static final String GROUP_SERVER = "@g.us";

    private final SessionService sessions;
    private final CommandReplies commands;

    GroupService(SessionService sessions, CommandReplies commands) {
        this.sessions = sessions;
        this.commands = commands;
    }

    public GroupJson join(Caller caller, String sessionId, String invite) {
        String code = InviteCodes.parse(invite);
        Session session = connected(caller, sessionId);
        String commandId = Ids.command();
        return await(session, commandId, GroupCommandMapper.join(commandId, session, code, now()));
    }

    public GroupJson info(Caller caller, String sessionId, String groupJid) {
        String jid = groupJid(groupJid);
        Session session = connected(caller, sessionId);
        String commandId = Ids.command();
        return await(session, commandId, GroupCommandMapper.info(commandId, session, jid, now()));
    }

    private GroupJson await(Session session, String commandId, byte[] command) {
        return commands.publishAndAwait(session.id(), commandId, command)
                .map(GroupCommandMapper::answer)
                .orElseThrow(() -> new ApiException(new ApiError.Timeout(
                        "the session did not answer in time; retry (the command may still be carried out)")));
    }

    private Session connected(Caller caller, String sessionId) {
        Session session = sessions.get(caller, sessionId);
        if (session.status() != SessionStatus.CONNECTED) {
            throw new ApiException(new ApiError.NotConnected(session.status().wire()));
        }
        return session;
    }

    /** {@code 1203...@g.us}, or its digits alone. */
    static String groupJid(String value) {
        String user = value.endsWith(GROUP_SERVER) ? value.substring(0, value.length() - GROUP_SERVER.length()) : value;
        if (!GROUP_USER.matcher(user).matches()) {
            throw new ApiException(new ApiError.InvalidRecipient(
                    "group_jid", "a group JID is digits (and one '-') followed by @g.us"));
        }
        return user + GROUP_SERVER;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
