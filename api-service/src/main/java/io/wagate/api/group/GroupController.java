package io.wagate.api.group;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.wagate.api.auth.Caller;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;

@Controller("/v1/sessions/{id}/groups")
@ExecuteOn(TaskExecutors.BLOCKING)
public class GroupController {

    private final GroupService groups;

    GroupController(GroupService groups) {
        this.groups = groups;
    }

    /** Joins by invite code or link; answers the group once WhatsApp let the session in. */
    @Post("/join")
    public GroupJson join(Caller caller, String id, @Body @Nullable JoinRequest body) {
        if (body == null || body.invite() == null || body.invite().isBlank()) {
            throw new ApiException(ApiError.ValidationError.of("invite", "is required"));
        }
        return groups.join(caller, id, body.invite());
    }

    @Get("/{groupJid}")
    public GroupJson info(Caller caller, String id, String groupJid) {
        return groups.info(caller, id, groupJid);
    }

    @Get("/{groupJid}/members")
    public GroupJson.MembersJson members(Caller caller, String id, String groupJid) {
        GroupJson group = groups.info(caller, id, groupJid);
        return new GroupJson.MembersJson(group.groupJid(), group.participants());
    }

    @Serdeable
    public record JoinRequest(@Nullable String invite) {}
}
