package io.wagate.webhook.delivery;

import io.wagate.webhook.signing.SignedWebhook;
import io.wagate.webhook.signing.StandardWebhooksSigner;
import io.wagate.webhook.signing.WebhookSecret;
import io.wagate.webhook.ssrf.UrlCheck;
import io.wagate.webhook.ssrf.UrlGuard;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes one attempt of a claimed delivery and records it. */
@Singleton
class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final UrlGuard urlGuard;
    private final WebhookSender sender;
    private final JdbcDeliveryStore store;
    private final RetryPolicy retryPolicy;

    DeliveryWorker(UrlGuard urlGuard, WebhookSender sender, JdbcDeliveryStore store, DeliveryConfig config) {
        this.urlGuard = urlGuard;
        this.sender = sender;
        this.store = store;
        this.retryPolicy = new RetryPolicy(config.retrySchedule());
    }

    void attempt(ClaimedDelivery delivery) {
        Instant attemptedAt = Instant.now();
        SendOutcome outcome = send(delivery, attemptedAt);
        if (Thread.currentThread().isInterrupted()) {
            // Shutting down: the lease is handed back and the delivery is attempted again, unrecorded.
            return;
        }
        DeliveryResult result = decide(delivery, outcome);
        store.record(delivery, attemptedAt, outcome, result);
        log(delivery, outcome, result);
    }

    private SendOutcome send(ClaimedDelivery delivery, Instant attemptedAt) {
        try {
            return checkAndSend(delivery, attemptedAt);
        } catch (RuntimeException e) {
            // Recorded as a failed attempt, so that a delivery that cannot even be tried still ends.
            LOG.error("Delivery {} could not be attempted", delivery.deliveryId(), e);
            return new SendOutcome.Failed("internal_error", 0);
        }
    }

    private SendOutcome checkAndSend(ClaimedDelivery delivery, Instant attemptedAt) {
        URI url = URI.create(delivery.url());
        // Checked again right before connecting: DNS may have changed since the endpoint was created.
        // The HTTP client then resolves the host itself; the JVM's DNS cache (30 s by default) makes
        // it see these same addresses, but a resolver answering differently within that instant is
        // the residual window.
        return switch (urlGuard.check(url)) {
            case UrlCheck.Allowed allowed -> {
                SignedWebhook signed = StandardWebhooksSigner.sign(
                        WebhookSecret.parse(delivery.secret()),
                        delivery.eventId(),
                        attemptedAt.getEpochSecond(),
                        delivery.payload());
                yield sender.send(url, signed, delivery.payload());
            }
            case UrlCheck.Refused refused -> {
                LOG.warn(
                        "Delivery {} to endpoint {} refused: {}",
                        delivery.deliveryId(),
                        delivery.endpointId(),
                        refused.reason());
                yield new SendOutcome.Failed("url_not_allowed", 0);
            }
            case UrlCheck.Unresolvable unresolvable -> new SendOutcome.Failed("unresolvable_host", 0);
        };
    }

    private DeliveryResult decide(ClaimedDelivery delivery, SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Responded responded && responded.successful()) {
            return new DeliveryResult.Delivered();
        }
        return retryPolicy
                .delayAfter(delivery.attempts() + 1)
                .<DeliveryResult>map(DeliveryResult.RetryIn::new)
                .orElseGet(DeliveryResult.GaveUp::new);
    }

    private static void log(ClaimedDelivery delivery, SendOutcome outcome, DeliveryResult result) {
        String how =
                switch (outcome) {
                    case SendOutcome.Responded responded -> "HTTP " + responded.statusCode();
                    case SendOutcome.Failed failed -> failed.error();
                };
        switch (result) {
            case DeliveryResult.Delivered delivered ->
                LOG.debug("Delivered {} of event {} ({})", delivery.deliveryId(), delivery.eventId(), how);
            case DeliveryResult.RetryIn retry ->
                LOG.info(
                        "Delivery {} of event {} failed ({}), attempt {}; retrying in {}",
                        delivery.deliveryId(),
                        delivery.eventId(),
                        how,
                        delivery.attempts() + 1,
                        retry.delay());
            case DeliveryResult.GaveUp gaveUp ->
                LOG.warn(
                        "Delivery {} of event {} failed ({}) after {} attempts; giving up",
                        delivery.deliveryId(),
                        delivery.eventId(),
                        how,
                        delivery.attempts() + 1);
        }
    }
}
