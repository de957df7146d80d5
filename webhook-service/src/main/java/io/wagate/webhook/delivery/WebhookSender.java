package io.wagate.webhook.delivery;

import io.wagate.webhook.signing.SignedWebhook;
import java.net.URI;
import java.util.Map;

/** Sends one signed webhook and reports how it went; never throws for a bad endpoint. */
public interface WebhookSender {

    /** @param traceHeaders the W3C trace context headers to send along ({@code traceparent}...) */
    SendOutcome send(URI url, SignedWebhook signed, String body, Map<String, String> traceHeaders);
}
