package io.wagate.api.group;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiClient.Reply;
import io.wagate.api.support.ApiTestBase;
import io.wagate.api.support.Events;
import io.wagate.schemas.v1.GetGroupInfo;
import io.wagate.schemas.v1.JoinGroup;
import io.wagate.schemas.v1.SessionCommand;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Group commands go to session-service and the request answers with its GroupInfo or CommandFailed. */
@MicronautTest(transactional = false)
class GroupsIT extends ApiTestBase {

    private static final String GROUP = "120363000000000001@g.us";

    @Test
    void joiningByLinkSendsTheCodeAndAnswersTheGroup() {
        // Given: session-service joins any group whose code is known, and knows one group
        String key = newOrganizationKey("Joiner");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        sessionService().answer(sessionId, command -> switch (((SessionCommand) command).getAction()) {
            case JoinGroup join
            when join.getInviteCode().equals("FvB4kDpQn1x8Zc2Wqa0Rj9") ->
                List.of(Events.groupInfo(sessionId, org, ((SessionCommand) command).getCommandId(), GROUP, "Orders"));
            case JoinGroup ignored ->
                List.of(Events.commandFailed(
                        sessionId, org, ((SessionCommand) command).getCommandId(), "invalid_invite", "expired invite"));
            default -> List.of();
        });

        // When
        Reply joined = api.post(
                groups(sessionId) + "/join", key, Map.of("invite", "https://chat.whatsapp.com/FvB4kDpQn1x8Zc2Wqa0Rj9"));
        Reply expired = api.post(groups(sessionId) + "/join", key, Map.of("invite", "EXPIREDxx0000000000000"));
        Reply malformed = api.post(groups(sessionId) + "/join", key, Map.of("invite", "https://example.com/x"));

        // Then
        assertThat(joined.status()).isEqualTo(200);
        assertThat(joined.text("/group_jid")).isEqualTo(GROUP);
        assertThat(joined.text("/subject")).isEqualTo("Orders");
        assertThat(joined.body().get("size").asInt()).isEqualTo(3);
        assertThat(joined.text("/participants/0/role")).isEqualTo("superadmin");
        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.errorCode()).isEqualTo("invalid_invite");
        assertThat(expired.text("/error/message")).isEqualTo("expired invite");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("invalid_invite");
        assertThat(topics.commandsFor(sessionId).stream()
                        .map(c -> ((SessionCommand) c).getAction())
                        .filter(JoinGroup.class::isInstance)
                        .map(a -> ((JoinGroup) a).getInviteCode()))
                .containsExactly("FvB4kDpQn1x8Zc2Wqa0Rj9", "EXPIREDxx0000000000000");
    }

    @Test
    void aGroupsInfoAndMembersAreReadThroughSessionService() {
        // Given
        String key = newOrganizationKey("Reader");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        sessionService().answer(sessionId, command -> {
            SessionCommand sessionCommand = (SessionCommand) command;
            if (!(sessionCommand.getAction() instanceof GetGroupInfo info)) {
                return List.of();
            }
            return info.getGroupJid().equals(GROUP)
                    ? List.of(Events.groupInfo(sessionId, org, sessionCommand.getCommandId(), GROUP, "Orders"))
                    : List.of(Events.commandFailed(
                            sessionId, org, sessionCommand.getCommandId(), "group_not_found", "not a member"));
        });

        // When
        Reply info = api.get(groups(sessionId) + "/" + GROUP, key);
        Reply members = api.get(groups(sessionId) + "/120363000000000001/members", key);
        Reply unknown = api.get(groups(sessionId) + "/120363999999999999@g.us", key);
        Reply malformed = api.get(groups(sessionId) + "/not-a-group", key);

        // Then
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.text("/description")).isEqualTo("Orders and deliveries");
        assertThat(info.text("/owner")).isEqualTo("5511911110000@s.whatsapp.net");
        assertThat(info.text("/created_at")).isEqualTo("2024-05-01T12:00:00Z");
        assertThat(members.status()).isEqualTo(200);
        assertThat(members.text("/group_jid")).isEqualTo(GROUP);
        assertThat(members.body().get("data")).hasSize(3);
        assertThat(members.text("/data/1/jid")).isEqualTo("5511922220000@s.whatsapp.net");
        assertThat(members.text("/data/1/role")).isEqualTo("admin");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorCode()).isEqualTo("group_not_found");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("invalid_recipient");
    }

    @Test
    void aSessionThatIsNotConnectedCannotJoinAndSendsNothing() {
        String key = newOrganizationKey("Offline");
        String sessionId = newSession(key);

        Reply reply = api.post(groups(sessionId) + "/join", key, Map.of("invite", "FvB4kDpQn1x8Zc2Wqa0Rj9"));
        Reply missing = api.post(groups(sessionId) + "/join", key, Map.of());

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo("not_connected");
        assertThat(missing.errorCode()).isEqualTo("validation_error");
        assertThat(topics.commandsFor(sessionId).stream().map(c -> ((SessionCommand) c).getAction()))
                .noneMatch(JoinGroup.class::isInstance);
    }

    private static String groups(String sessionId) {
        return "/v1/sessions/" + sessionId + "/groups";
    }
}
