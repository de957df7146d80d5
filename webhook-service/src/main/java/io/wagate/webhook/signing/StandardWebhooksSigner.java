package io.wagate.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as the Standard Webhooks spec says: {@code v1,} and the base64 HMAC-SHA256 of
 * {@code <webhook-id>.<webhook-timestamp>.<body>} under the endpoint's secret.
 */
public final class StandardWebhooksSigner {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private StandardWebhooksSigner() {}

    public static SignedWebhook sign(WebhookSecret secret, String webhookId, long timestampSeconds, String body) {
        String content = webhookId + "." + timestampSeconds + "." + body;
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secret.key(), HMAC_SHA256));
            byte[] digest = mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
            return new SignedWebhook(
                    webhookId, timestampSeconds, "v1," + Base64.getEncoder().encodeToString(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
