package io.wagate.session.sending;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.SessionRef;
import java.util.Map;
import java.util.Objects;

/** A SendMessage command as it arrived: {@code to} and {@code text} are not validated yet. */
public record SendRequest(
        SessionRef session,
        String messageId,
        String to,
        String text,
        @Nullable String clientRef,
        Map<String, String> metadata) {

    public SendRequest {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(messageId, "messageId");
        to = Objects.requireNonNullElse(to, "");
        text = Objects.requireNonNullElse(text, "");
        metadata = Map.copyOf(Objects.requireNonNullElse(metadata, Map.of()));
    }
}
