package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.Set;

/** {@code PATCH .../messages/{message_id}}: the new text, and the new message's own client_ref and metadata. */
public record EditRequest(String text, @Nullable String clientRef, Map<String, String> metadata) {

    private static final Set<String> FIELDS = Set.of("text", "client_ref", "metadata");

    public EditRequest {
        metadata = Map.copyOf(metadata);
    }

    /** @throws io.wagate.api.error.ApiException {@code validation_error} naming every refused field */
    public static EditRequest validate(@Nullable JsonNode json) {
        JsonFields body = JsonFields.of(json);
        body.allowOnly(FIELDS, "an edit");
        MessageContent.Text text = ContentReader.text(body, "text");
        String clientRef = SendRequestValidator.clientRef(body);
        Map<String, String> metadata = SendRequestValidator.metadata(body);
        body.throwIfRefused();
        return new EditRequest(text.text(), clientRef, metadata);
    }

    public String fingerprint(String sessionId, String targetId) {
        return Fingerprints.of(sessionId, "edit", targetId, text, String.valueOf(clientRef), metadata);
    }
}
