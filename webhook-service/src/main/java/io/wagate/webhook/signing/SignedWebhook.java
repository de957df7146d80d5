package io.wagate.webhook.signing;

import java.util.Map;

/**
 * The Standard Webhooks headers of one attempt; the id is the event id, the same on every retry. The
 * signature holds one space-separated {@code v1,} entry per secret that signs.
 */
public record SignedWebhook(String webhookId, long timestampSeconds, String signature) {

    public Map<String, String> headers() {
        return Map.of(
                "webhook-id", webhookId,
                "webhook-timestamp", Long.toString(timestampSeconds),
                "webhook-signature", signature);
    }
}
