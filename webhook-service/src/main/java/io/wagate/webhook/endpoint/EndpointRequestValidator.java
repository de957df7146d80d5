package io.wagate.webhook.endpoint;

import io.wagate.webhook.error.ApiException;
import io.wagate.webhook.error.ErrorCode;
import io.wagate.webhook.event.WebhookEventTypes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the fields of a create ({@link CreateWebhookRequest}) or an update (a JSON merge patch); the
 * first problem answers 400 {@code validation_error} with {@code details.field}.
 */
final class EndpointRequestValidator {

    static final int MAX_URL_LENGTH = 2048;
    static final int MAX_DESCRIPTION_LENGTH = 1000;
    static final int MAX_SESSION_IDS = 100;
    static final int MAX_RATE_LIMIT = 10_000;
    static final Set<String> PATCHABLE =
            Set.of("url", "events", "description", "session_ids", "enabled", "rate_limit", "ordering");

    private static final Pattern SESSION_ID = Pattern.compile("sess_[A-Za-z0-9_-]{1,100}");

    private EndpointRequestValidator() {}

    static EndpointSettings validate(CreateWebhookRequest request) {
        return new EndpointSettings(
                url(request.url()),
                events(request.events()),
                sessionIds(request.sessionIds()),
                description(request.description()),
                request.enabled() == null || request.enabled(),
                rateLimit(request.rateLimit()),
                ordering(request.ordering()));
    }

    /**
     * Applies a JSON merge patch: a field absent stays as it is, {@code null} resets it to its default
     * (no description, every event type and session, no rate limit, best effort), and {@code url} and
     * {@code enabled} cannot be null.
     */
    static EndpointSettings patch(EndpointSettings current, Map<String, Object> patch) {
        for (String field : patch.keySet()) {
            if (!PATCHABLE.contains(field)) {
                throw ApiException.invalidField(field, "is not a field of a webhook; updatable: " + PATCHABLE);
            }
        }
        return new EndpointSettings(
                patch.containsKey("url") ? url(asString(patch, "url")) : current.url(),
                patch.containsKey("events") ? events(asStringList(patch, "events")) : current.events(),
                patch.containsKey("session_ids")
                        ? sessionIds(asStringList(patch, "session_ids"))
                        : current.sessionIds(),
                patch.containsKey("description") ? description(asString(patch, "description")) : current.description(),
                patch.containsKey("enabled") ? enabled(patch.get("enabled")) : current.enabled(),
                patch.containsKey("rate_limit") ? rateLimit(asInteger(patch, "rate_limit")) : current.rateLimit(),
                patch.containsKey("ordering") ? ordering(asString(patch, "ordering")) : current.ordering());
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
                .filter(type -> type == null || !WebhookEventTypes.ALL.contains(type))
                .map(type -> Objects.requireNonNullElse(type, "null"))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ApiException(
                    ErrorCode.VALIDATION_ERROR,
                    "events: unknown event types " + unknown + "; known: " + WebhookEventTypes.ALL,
                    Map.of("field", "events", "unknown", unknown, "allowed", WebhookEventTypes.ALL));
        }
        return List.copyOf(new LinkedHashSet<>(events));
    }

    private static List<String> sessionIds(List<String> sessionIds) {
        if (sessionIds == null) {
            return List.of();
        }
        if (sessionIds.size() > MAX_SESSION_IDS) {
            throw ApiException.invalidField("session_ids", "must name at most " + MAX_SESSION_IDS + " sessions");
        }
        for (String sessionId : sessionIds) {
            if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
                throw ApiException.invalidField("session_ids", "must hold session ids (sess_...), not " + sessionId);
            }
        }
        return List.copyOf(new LinkedHashSet<>(sessionIds));
    }

    private static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            throw ApiException.invalidField("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
        }
        return description;
    }

    private static boolean enabled(Object enabled) {
        if (!(enabled instanceof Boolean value)) {
            throw ApiException.invalidField("enabled", "must be true or false");
        }
        return value;
    }

    private static Integer rateLimit(Integer rateLimit) {
        if (rateLimit != null && (rateLimit < 1 || rateLimit > MAX_RATE_LIMIT)) {
            throw ApiException.invalidField(
                    "rate_limit", "must be between 1 and " + MAX_RATE_LIMIT + " deliveries per second, or null");
        }
        return rateLimit;
    }

    private static EndpointOrdering ordering(String ordering) {
        if (ordering == null) {
            return EndpointOrdering.BEST_EFFORT;
        }
        return EndpointOrdering.fromWire(ordering)
                .orElseThrow(
                        () -> ApiException.invalidField("ordering", "must be one of " + EndpointOrdering.wireNames()));
    }

    private static String asString(Map<String, Object> patch, String field) {
        Object value = patch.get(field);
        if (value != null && !(value instanceof String)) {
            throw ApiException.invalidField(field, "must be a string");
        }
        return (String) value;
    }

    private static List<String> asStringList(Map<String, Object> patch, String field) {
        Object value = patch.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof String))) {
            throw ApiException.invalidField(field, "must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static Integer asInteger(Map<String, Object> patch, String field) {
        Object value = patch.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number number)
                || number.doubleValue() != Math.rint(number.doubleValue())
                || Math.abs(number.doubleValue()) > Integer.MAX_VALUE) {
            throw ApiException.invalidField(field, "must be a whole number");
        }
        return number.intValue();
    }
}
