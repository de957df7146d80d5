package io.wagate.webhook.endpoint;

import io.wagate.schemas.EventTypes;
import io.wagate.webhook.error.ApiException;
import io.wagate.webhook.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Checks a {@link CreateWebhookRequest} field by field; the first problem answers 400. */
final class EndpointRequestValidator {

    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_DESCRIPTION_LENGTH = 1000;

    private EndpointRequestValidator() {}

    record ValidRequest(URI url, List<String> events, String description) {}

    static ValidRequest validate(CreateWebhookRequest request) {
        return new ValidRequest(url(request.url()), events(request.events()), description(request.description()));
    }

    private static URI url(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.invalidField("url", "is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw ApiException.invalidField("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw ApiException.invalidField("url", "is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw ApiException.invalidField("url", "must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw ApiException.invalidField("url", "must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ApiException.invalidField("url", "must not carry credentials");
        }
        return uri;
    }

    private static List<String> events(List<String> events) {
        if (events == null) {
            return List.of();
        }
        List<String> unknown = events.stream()
                .filter(type -> type == null || !EventTypes.ALL.contains(type))
                .map(type -> Objects.requireNonNullElse(type, "null"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(
                    ErrorCode.VALIDATION_ERROR,
                    "events: unknown event types " + unknown + "; known: " + EventTypes.ALL,
                    Map.of("field", "events", "unknown", unknown, "allowed", EventTypes.ALL));
        }
        return List.copyOf(new LinkedHashSet<>(events));
    }

    private static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw ApiException.invalidField("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return description;
    }
}
