package io.wagate.session;

import com.github.f4b6a3.ulid.UlidCreator;
import io.wagate.schemas.CommandCodec;
import io.wagate.schemas.v1.ConnectSession;
import io.wagate.schemas.v1.DeleteSession;
import io.wagate.schemas.v1.LogoutSession;
import io.wagate.schemas.v1.RestartSession;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.SessionCommand;
import io.wagate.schemas.v1.TextContent;
import java.time.Instant;
import java.util.Map;

/** Builds encoded commands the way api-service produces them. */
final class Commands {

    static final String ORGANIZATION = "org_01JTESTORGANIZATION000000";

    private Commands() {}

    static String newSessionId() {
        return "sess_" + UlidCreator.getMonotonicUlid();
    }

    static String newMessageId() {
        return "msg_" + UlidCreator.getMonotonicUlid();
    }

    static byte[] connect(String sessionId) {
        return CommandCodec.encode(lifecycle(sessionId, new ConnectSession()));
    }

    static byte[] restart(String sessionId) {
        return CommandCodec.encode(lifecycle(sessionId, new RestartSession()));
    }

    static byte[] delete(String sessionId) {
        return CommandCodec.encode(lifecycle(sessionId, new DeleteSession()));
    }

    static byte[] logout(String sessionId) {
        return CommandCodec.encode(lifecycle(sessionId, new LogoutSession()));
    }

    static SessionCommand lifecycle(String sessionId, Object action) {
        return SessionCommand.newBuilder()
                .setCommandId("cmd_" + UlidCreator.getMonotonicUlid())
                .setSessionId(sessionId)
                .setOrganizationId(ORGANIZATION)
                .setIssuedAt(Instant.now())
                .setAction(action)
                .build();
    }

    static byte[] sendText(String sessionId, String messageId, String to, String text, String clientRef) {
        return CommandCodec.encode(SendMessage.newBuilder()
                .setMessageId(messageId)
                .setSessionId(sessionId)
                .setOrganizationId(ORGANIZATION)
                .setIssuedAt(Instant.now())
                .setTo(to)
                .setClientRef(clientRef)
                .setMetadata(Map.of("campaign", "spring"))
                .setContent(new TextContent(text))
                .build());
    }

    static byte[] requestPairingCode(String sessionId, String phoneNumber) {
        return CommandCodec.encode(lifecycle(sessionId, new io.wagate.schemas.v1.RequestPairingCode(phoneNumber)));
    }

    /** A text sent after showing "typing..." for {@code delaySeconds}. */
    static byte[] sendTextTyping(String sessionId, String messageId, String to, String text, int delaySeconds) {
        return CommandCodec.encode(SendMessage.newBuilder()
                .setMessageId(messageId)
                .setSessionId(sessionId)
                .setOrganizationId(ORGANIZATION)
                .setIssuedAt(Instant.now())
                .setTo(to)
                .setMetadata(Map.of())
                .setContent(new TextContent(text))
                .setOptions(io.wagate.schemas.v1.SendOptions.newBuilder()
                        .setDelaySeconds(delaySeconds)
                        .build())
                .build());
    }
}
