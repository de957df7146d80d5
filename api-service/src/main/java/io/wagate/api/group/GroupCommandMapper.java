package io.wagate.api.group;

import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.session.Session;
import io.wagate.api.session.SessionCommandMapper;
import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.GetGroupInfo;
import io.wagate.schemas.v1.GroupInfo;
import io.wagate.schemas.v1.JoinGroup;
import java.time.Instant;
import java.util.Locale;

/** Group commands out, their answers in; the only group class that sees Avro. */
final class GroupCommandMapper {

    private GroupCommandMapper() {}

    static byte[] join(String commandId, Session session, String inviteCode, Instant issuedAt) {
        return SessionCommandMapper.encode(
                commandId,
                session,
                issuedAt,
                JoinGroup.newBuilder().setInviteCode(inviteCode).build());
    }

    static byte[] info(String commandId, Session session, String groupJid, Instant issuedAt) {
        return SessionCommandMapper.encode(
                commandId,
                session,
                issuedAt,
                GetGroupInfo.newBuilder().setGroupJid(groupJid).build());
    }

    /**
     * @throws ApiException the CommandFailed code with its status (invalid_invite 400, group_not_found
     *     404, not_connected 409, others 422)
     */
    static GroupJson answer(Event event) {
        return switch (event.getData()) {
            case GroupInfo info ->
                new GroupJson(
                        info.getGroupJid(),
                        info.getSubject(),
                        info.getDescription(),
                        info.getOwner(),
                        info.getCreatedAt(),
                        info.getParticipants().size(),
                        info.getParticipants().stream()
                                .map(p -> new GroupJson.MemberJson(
                                        p.getJid(), p.getRole().name().toLowerCase(Locale.ROOT)))
                                .toList());
            case CommandFailed failed ->
                throw new ApiException(new ApiError.CommandFailed(failed.getCode(), failed.getMessage()));
            default -> throw new IllegalStateException("not an answer to a group command: " + event.getData());
        };
    }
}
