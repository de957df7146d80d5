package io.wagate.webhook.endpoint;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the webhooks API answers. Only {@link Created} carries the secret, once. */
final class WebhookViews {

    private WebhookViews() {}

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Webhook(
            String id,
            String url,
            List<String> events,
            @Nullable String description,
            String createdAt) {

        static Webhook of(EndpointEntity endpoint) {
            return new Webhook(
                    endpoint.id(),
                    endpoint.url(),
                    endpoint.eventTypeList(),
                    endpoint.description(),
                    DateTimeFormatter.ISO_INSTANT.format(endpoint.createdAt()));
        }
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Created(
            String id,
            String url,
            List<String> events,
            @Nullable String description,
            String secret,
            String createdAt) {

        static Created of(EndpointEntity endpoint) {
            Webhook view = Webhook.of(endpoint);
            return new Created(
                    view.id(), view.url(), view.events(), view.description(), endpoint.secret(), view.createdAt());
        }
    }

    @Serdeable
    record WebhookList(List<Webhook> data) {}
}
