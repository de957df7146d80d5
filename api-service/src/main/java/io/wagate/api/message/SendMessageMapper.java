package io.wagate.api.message;

import io.wagate.schemas.CommandCodec;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.schemas.v1.TextContent;
import java.time.Instant;
import java.util.Map;

/** Encodes a validated send as a SendMessage command; the only message class that sees Avro. */
final class SendMessageMapper {

    private SendMessageMapper() {}

    static byte[] encode(
            String messageId, String sessionId, String organizationId, SendRequest request, Instant issuedAt) {
        return CommandCodec.encode(SendMessage.newBuilder()
                .setMessageId(messageId)
                .setSessionId(sessionId)
                .setOrganizationId(organizationId)
                .setIssuedAt(issuedAt)
                .setTo(request.recipient())
                .setClientRef(request.clientRef())
                .setMetadata(Map.copyOf(request.metadata()))
                .setContent(content(request.content()))
                .build());
    }

    private static Object content(MessageContent content) {
        return switch (content) {
            case MessageContent.Text text ->
                TextContent.newBuilder().setText(text.text()).build();
        };
    }
}
