package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/** A send that passed validation; {@code recipient} is the normalized JID. */
public record SendRequest(
        String recipient,
        MessageContent content,
        SendOptions options,
        @Nullable String clientRef,
        Map<String, String> metadata) {

    public SendRequest {
        metadata = Map.copyOf(metadata);
    }

    public SendRequest withContent(MessageContent content) {
        return new SendRequest(recipient, content, options, clientRef, metadata);
    }

    /** Equal for two requests that would send the same thing, whatever their JSON's key order or spacing. */
    public String fingerprint(String sessionId) {
        return Fingerprints.of(sessionId, recipient, content, options, String.valueOf(clientRef), metadata);
    }
}
