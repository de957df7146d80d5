package io.wagate.webhook.delivery;

import io.wagate.webhook.signing.SignedWebhook;
import io.wagate.webhook.signing.StandardWebhooksSigner;
import io.wagate.webhook.signing.WebhookSecret;
import io.wagate.webhook.ssrf.UrlCheck;
import io.wagate.webhook.ssrf.UrlGuard;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Makes one attempt of a claimed delivery and judges it; the dispatcher has it recorded. */
@Singleton
class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final UrlGuard urlGuard;
    private final WebhookSender sender;
    private final DeliveryRules rules;
    private final DeliveryTracing tracing;

    DeliveryWorker(UrlGuard urlGuard, WebhookSender sender, DeliveryConfig config, DeliveryTracing tracing) {
        this.urlGuard = urlGuard;
        this.sender = sender;
        this.tracing = tracing;
        this.rules = new DeliveryRules(new RetryPolicy(config.retrySchedule()));
    }

    /** @return the attempt, or empty when it was cut short by a shutdown (it is handed back, unrecorded) */
    Optional<AttemptRecord> attempt(ClaimedDelivery delivery) {
        Instant attemptedAt = Instant.now();
        SendOutcome outcome = send(delivery, attemptedAt);
        if (Thread.currentThread().isInterrupted()) {
            return Optional.empty();
        }
        DeliveryResult result = rules.judge(delivery.attempts(), outcome);
        log(delivery, outcome, result);
        return Optional.of(new AttemptRecord(delivery, attemptedAt, outcome, result));
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
                        delivery.secrets().stream().map(WebhookSecret::parse).toList(),
                        delivery.eventId(),
                        attemptedAt.getEpochSecond(),
                        delivery.payload());
                yield tracing.traced(
                        delivery, traceHeaders -> sender.send(url, signed, delivery.payload(), traceHeaders));
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
            case DeliveryResult.EndpointGone gone ->
                LOG.warn(
                        "Endpoint {} answered 410 Gone to delivery {}; disabling it",
                        delivery.endpointId(),
                        delivery.deliveryId());
        }
    }
}
