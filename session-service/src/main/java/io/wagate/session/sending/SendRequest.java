package io.wagate.session.sending;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.SessionRef;
import java.util.Map;
import java.util.Objects;

/**
 * A SendMessage command as it arrived: {@code to}, the content and the options are not validated
 * yet; {@link MessageComposer} does that, the same way for a send from the HTTP API or from Kafka.
 */
public record SendRequest(
        SessionRef session,
        String messageId,
        String to,
        SendContent content,
        SendOptions options,
        @Nullable String clientRef,
        Map<String, String> metadata) {

    public SendRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(content, "content");
        to = Objects.requireNonNullElse(to, "");
        options = Objects.requireNonNullElse(options, SendOptions.NONE);
        metadata = Map.copyOf(Objects.requireNonNullElse(metadata, Map.of()));
    }
}
