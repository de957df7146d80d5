package io.wagate.session.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.schemas.CommandCodec;
import io.wagate.schemas.EventCodec;
import io.wagate.schemas.v1.ConnectSession;
import io.wagate.schemas.v1.DeleteSession;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.GetGroupInfo;
import io.wagate.schemas.v1.JoinGroup;
import io.wagate.schemas.v1.LogoutSession;
import io.wagate.schemas.v1.RequestPairingCode;
import io.wagate.schemas.v1.RestartSession;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.SessionCommand;
import io.wagate.schemas.v1.SessionStatus;
import io.wagate.schemas.v1.SessionStatusChanged;
import io.wagate.schemas.v1.TextContent;
import io.wagate.session.SessionRef;
import io.wagate.session.sending.SendContent;
import io.wagate.session.sending.SendOptions;
import io.wagate.session.sending.SendRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandRoutingTest {

    private static final String SESSION = "sess_01JSESSION0000000000000000";
    private static final SessionRef REF = new SessionRef(SESSION, "org_1");

    @Test
    void eachLifecycleActionBecomesItsCommand() {
        assertThat(routeOf(lifecycle(new ConnectSession()))).isEqualTo(new Command.Connect("cmd_1", REF));
        assertThat(routeOf(lifecycle(new RestartSession()))).isEqualTo(new Command.Restart("cmd_1", REF));
        assertThat(routeOf(lifecycle(new LogoutSession()))).isEqualTo(new Command.Logout("cmd_1", REF));
        assertThat(routeOf(lifecycle(new DeleteSession()))).isEqualTo(new Command.Delete("cmd_1", REF));
        assertThat(routeOf(lifecycle(new RequestPairingCode("5511999999999"))))
                .isEqualTo(new Command.RequestPairingCode("cmd_1", REF, "5511999999999"));
        assertThat(routeOf(lifecycle(new JoinGroup("SimulatorInviteValid01"))))
                .isEqualTo(new Command.JoinGroup("cmd_1", REF, "SimulatorInviteValid01"));
        assertThat(routeOf(lifecycle(new GetGroupInfo("120363000000000001@g.us"))))
                .isEqualTo(new Command.GetGroupInfo("cmd_1", REF, "120363000000000001@g.us"));
    }

    @Test
    void aSendMessageBecomesASendWithItsReferences() {
        // Given
        byte[] send = CommandCodec.encode(SendMessage.newBuilder()
                .setMessageId("msg_1")
                .setSessionId(SESSION)
                .setOrganizationId("org_1")
                .setIssuedAt(Instant.now())
                .setTo("5511999999999")
                .setClientRef("order-42")
                .setMetadata(Map.of("k", "v"))
                .setContent(new TextContent("hello"))
                .build());

        // When
        var route = CommandRouting.route(SESSION, send);

        // Then
        assertThat(route)
                .isEqualTo(new CommandRouting.CarryOut(new Command.Send(new SendRequest(
                        REF,
                        "msg_1",
                        "5511999999999",
                        new SendContent.Text("hello"),
                        SendOptions.NONE,
                        "order-42",
                        Map.of("k", "v")))));
    }

    @Test
    void bytesThatAreNotACommandAreSetAsideAsUndecodable() {
        var route = CommandRouting.route(SESSION, "{\"json\":true}".getBytes(StandardCharsets.UTF_8));
        assertThat(route).isInstanceOfSatisfying(CommandRouting.SetAside.class, aside -> assertThat(aside.reason())
                .isEqualTo("undecodable"));
    }

    @Test
    void aRecordOfAnotherTopicIsSetAsideAsUndecodable() {
        // Given: a valid Avro record, but an event, not a command
        byte[] event = EventCodec.encode(Event.newBuilder()
                .setEventId("evt_1")
                .setCreatedAt(Instant.now())
                .setSessionId(SESSION)
                .setOrganizationId("org_1")
                .setData(new SessionStatusChanged(SessionStatus.PENDING, null, null))
                .build());

        // Then
        assertThat(CommandRouting.route(SESSION, event)).isInstanceOf(CommandRouting.SetAside.class);
    }

    @Test
    void anEmptyRecordIsSetAsideAsUndecodable() {
        assertThat(CommandRouting.route(SESSION, null))
                .isEqualTo(new CommandRouting.SetAside(
                        "undecodable", "not Avro single-object encoded (missing C3 01 header)"));
    }

    @Test
    void aCommandKeyedByAnotherSessionIsSetAsideBecauseItMayBeOnAnotherInstancesPartition() {
        var route = CommandRouting.route("sess_other", CommandCodec.encode(lifecycle(new ConnectSession())));
        assertThat(route).isInstanceOfSatisfying(CommandRouting.SetAside.class, aside -> assertThat(aside.reason())
                .isEqualTo("key_mismatch"));
    }

    private static Command routeOf(SessionCommand command) {
        var route = CommandRouting.route(SESSION, CommandCodec.encode(command));
        assertThat(route).isInstanceOf(CommandRouting.CarryOut.class);
        return ((CommandRouting.CarryOut) route).command();
    }

    private static SessionCommand lifecycle(Object action) {
        return SessionCommand.newBuilder()
                .setCommandId("cmd_1")
                .setSessionId(SESSION)
                .setOrganizationId("org_1")
                .setIssuedAt(Instant.now())
                .setAction(action)
                .build();
    }
}
