package io.wagate.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the webhooks API answers. Only {@link Created} and {@link RotatedSecret} carry a secret, once. */
final class WebhookViews {

    private WebhookViews() {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Webhook(
            String id,
            String url,
            List<String> events,
            List<String> sessionIds,
            @Nullable String description,
            boolean enabled,
            @Nullable String disabledReason,
            @Nullable Integer rateLimit,
            String ordering,
            String createdAt,
            String updatedAt) {

        static Webhook of(EndpointEntity endpoint) {
            return new Webhook(
                    endpoint.id(),
                    endpoint.url(),
                    endpoint.eventTypeList(),
                    endpoint.sessionIdList(),
                    endpoint.description(),
                    endpoint.enabled(),
                    endpoint.disabledReason(),
                    endpoint.rateLimit(),
                    endpoint.ordering(),
                    iso(endpoint.createdAt()),
                    iso(endpoint.updatedAt()));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Created(
            String id,
            String url,
            List<String> events,
            List<String> sessionIds,
            @Nullable String description,
            boolean enabled,
            @Nullable String disabledReason,
            @Nullable Integer rateLimit,
            String ordering,
            String secret,
            String createdAt,
            String updatedAt) {

        static Created of(EndpointEntity endpoint) {
            Webhook view = Webhook.of(endpoint);
            return new Created(
                    view.id(),
                    view.url(),
                    view.events(),
                    view.sessionIds(),
                    view.description(),
                    view.enabled(),
                    view.disabledReason(),
                    view.rateLimit(),
                    view.ordering(),
                    endpoint.secret(),
                    view.createdAt(),
                    view.updatedAt());
        }
    }

    /** The new secret, and until when deliveries are also signed with the one it replaced. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record RotatedSecret(String id, String secret, String previousSecretExpiresAt) {

        static RotatedSecret of(EndpointEntity endpoint) {
            return new RotatedSecret(endpoint.id(), endpoint.secret(), iso(endpoint.previousSecretExpiresAt()));
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record WebhookList(List<Webhook> data) {}

    private static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }
}
