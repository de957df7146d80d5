package io.wagate.api.session;

import io.wagate.api.Ids;
import io.wagate.schemas.CommandCodec;
import io.wagate.schemas.v1.ConnectSession;
import io.wagate.schemas.v1.DeleteSession;
import io.wagate.schemas.v1.LogoutSession;
import io.wagate.schemas.v1.RestartSession;
import io.wagate.schemas.v1.SessionCommand;
import java.time.Instant;

/** Encodes session commands, lifecycle ones here; the envelope for every other kind (groups, pairing). */
public final class SessionCommandMapper {

    private SessionCommandMapper() {}

    static byte[] connect(Session session, Instant issuedAt) {
        return encode(session, issuedAt, ConnectSession.newBuilder().build());
    }

    static byte[] delete(Session session, Instant issuedAt) {
        return encode(session, issuedAt, DeleteSession.newBuilder().build());
    }

    static byte[] of(SessionAction action, Session session, Instant issuedAt) {
        Object avro =
                switch (action) {
                    case CONNECT -> ConnectSession.newBuilder().build();
                    case RESTART -> RestartSession.newBuilder().build();
                    case LOGOUT -> LogoutSession.newBuilder().build();
                    case DELETE -> DeleteSession.newBuilder().build();
                };
        return encode(session, issuedAt, avro);
    }

    private static byte[] encode(Session session, Instant issuedAt, Object action) {
        return encode(Ids.command(), session, issuedAt, action);
    }

    /** A command for the session: {@code action} is one of SessionCommand's actions. */
    public static byte[] encode(String commandId, Session session, Instant issuedAt, Object action) {
        return CommandCodec.encode(SessionCommand.newBuilder()
                .setCommandId(commandId)
                .setSessionId(session.id())
                .setOrganizationId(session.organizationId())
                .setIssuedAt(issuedAt)
                .setAction(action)
                .build());
    }
}
