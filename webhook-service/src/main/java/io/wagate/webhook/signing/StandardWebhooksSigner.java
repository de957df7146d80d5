package io.wagate.webhook.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook as the Standard Webhooks spec says: {@code v1,} and the base64 HMAC-SHA256 of
 * {@code <webhook-id>.<webhook-timestamp>.<body>} under the endpoint's secret. While a rotated-out
 * secret still signs, each secret adds its entry, space-separated, newest first.
 */
public final class StandardWebhooksSigner {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private StandardWebhooksSigner() {}

    public static SignedWebhook sign(WebhookSecret secret, String webhookId, long timestampSeconds, String body) {
        return sign(List.of(secret), webhookId, timestampSeconds, body);
    }

    public static SignedWebhook sign(
            List<WebhookSecret> secrets, String webhookId, long timestampSeconds, String body) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("at least one secret signs");
        }
        byte[] content = (webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8);
        String signature =
                secrets.stream().map(secret -> "v1," + hmac(secret, content)).collect(Collectors.joining(" "));
        return new SignedWebhook(webhookId, timestampSeconds, signature);
    }

    private static String hmac(WebhookSecret secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(secret.key(), HMAC_SHA256));
            return Base64.getEncoder().encodeToString(mac.doFinal(content));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }
}
