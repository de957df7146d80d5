package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/** A send that passed validation; {@code recipient} is the normalized JID. */
public record SendRequest(
        String recipient, MessageContent content, @Nullable String clientRef, Map<String, String> metadata) {

    public SendRequest {
        metadata = Map.copyOf(metadata);
    }
}
