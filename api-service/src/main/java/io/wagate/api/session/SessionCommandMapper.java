package io.wagate.api.session;

import io.wagate.api.Ids;
import io.wagate.schemas.CommandCodec;
import io.wagate.schemas.v1.ConnectSession;
import io.wagate.schemas.v1.DeleteSession;
import io.wagate.schemas.v1.SessionCommand;
import java.time.Instant;

/** Encodes session lifecycle commands; the only session class that sees Avro commands. */
final class SessionCommandMapper {

    private SessionCommandMapper() {}

    static byte[] connect(Session session, Instant issuedAt) {
        return encode(session, issuedAt, ConnectSession.newBuilder().build());
    }

    static byte[] delete(Session session, Instant issuedAt) {
        return encode(session, issuedAt, DeleteSession.newBuilder().build());
    }

    private static byte[] encode(Session session, Instant issuedAt, Object action) {
        return CommandCodec.encode(SessionCommand.newBuilder()
                .setCommandId(Ids.command())
                .setSessionId(session.id())
                .setOrganizationId(session.organizationId())
                .setIssuedAt(issuedAt)
                .setAction(action)
                .build());
    }
}
