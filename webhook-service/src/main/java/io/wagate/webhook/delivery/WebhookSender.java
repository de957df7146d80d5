package io.wagate.webhook.delivery;

import io.wagate.webhook.signing.SignedWebhook;
import java.net.URI;

/** Sends one signed webhook and reports how it went; never throws for a bad endpoint. */
public interface WebhookSender {

    SendOutcome send(URI url, SignedWebhook signed, String body);
}
