package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/** A send that passed validation; {@code recipient} is the normalized JID. */
public record SendRequest(
        String recipient, MessageContent content, @Nullable String clientRef, Map<String, String> metadata) {

    public SendRequest {
        metadata = Map.copyOf(metadata);
    }

    /** Equal for two requests that would send the same thing, whatever their JSON's key order or spacing. */
    public String fingerprint(String sessionId) {
        String canonical = String.join(
                "\u0000",
                sessionId,
                recipient,
                content.toString(),
                String.valueOf(clientRef),
                new java.util.TreeMap<>(metadata).toString());
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
