package io.wagate.session.transport.simulator;

import io.wagate.session.transport.GroupMetadata;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.WhatsAppRefusalException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated network's groups (docs/simulator.md): the test group every session is in, and a
 * group sessions join with its invite code. Any other group is unknown to WhatsApp.
 */
final class SimulatedGroups {

    /** Every session is a member; so are the test numbers listed in {@link #TEST_GROUP_MEMBERS}. */
    static final Jid TEST_GROUP = new Jid("120363000000000001", Jid.Server.GROUP);

    /** Joined with {@link #VALID_INVITE}; a session that has not joined it does not see it. */
    static final Jid JOINABLE_GROUP = new Jid("120363000000000002", Jid.Server.GROUP);

    static final String VALID_INVITE = "SimulatorInviteValid01";
    static final String EXPIRED_INVITE = "SimulatorInviteExpired";

    /** The replying phone created both groups. */
    static final Jid OWNER = new Jid("5511900000004", Jid.Server.USER);

    static final List<GroupMetadata.Participant> TEST_GROUP_MEMBERS = List.of(
            new GroupMetadata.Participant(OWNER, GroupMetadata.Role.SUPERADMIN),
            new GroupMetadata.Participant(new Jid("5511999999999", Jid.Server.USER), GroupMetadata.Role.ADMIN),
            new GroupMetadata.Participant(new Jid("5511900000001", Jid.Server.USER), GroupMetadata.Role.MEMBER));

    private static final Instant CREATED_AT = Instant.parse("2024-01-01T12:00:00Z");

    private final Set<String> joined = ConcurrentHashMap.newKeySet();

    GroupMetadata join(String sessionId, String phoneNumber, String inviteCode) {
        if (inviteCode.equals(EXPIRED_INVITE)) {
            throw new WhatsAppRefusalException("invalid_invite", "this invite link has expired or was reset");
        }
        if (!inviteCode.equals(VALID_INVITE)) {
            throw new WhatsAppRefusalException("invalid_invite", "no group has the invite code " + inviteCode);
        }
        joined.add(sessionId);
        return metadata(sessionId, phoneNumber, JOINABLE_GROUP);
    }

    GroupMetadata metadata(String sessionId, String phoneNumber, Jid group) {
        var self = new GroupMetadata.Participant(new Jid(phoneNumber, Jid.Server.USER), GroupMetadata.Role.MEMBER);
        if (group.equals(TEST_GROUP)) {
            List<GroupMetadata.Participant> members = new ArrayList<>(TEST_GROUP_MEMBERS);
            members.add(self);
            return new GroupMetadata(
                    TEST_GROUP, "wagate test group", "Every simulated session is a member", OWNER, CREATED_AT, members);
        }
        if (group.equals(JOINABLE_GROUP) && joined.contains(sessionId)) {
            return new GroupMetadata(
                    JOINABLE_GROUP,
                    "wagate joinable group",
                    null,
                    OWNER,
                    CREATED_AT,
                    List.of(new GroupMetadata.Participant(OWNER, GroupMetadata.Role.SUPERADMIN), self));
        }
        throw new WhatsAppRefusalException("group_not_found", "no group " + group + " this session is a member of");
    }
}
