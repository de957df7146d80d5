package io.wagate.webhook.endpoint;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A row of {@code endpoints}. An empty {@code eventTypes} subscribes to every type, an empty
 * {@code sessionIds} to every session. {@code ordering} is {@code best_effort} or {@code fifo}.
 */
@MappedEntity("endpoints")
public record EndpointEntity(
        @Id String id,
        String organizationId,
        String url,
        @Nullable String description,
        @TypeDef(type = DataType.STRING_ARRAY) String[] eventTypes,
        @TypeDef(type = DataType.STRING_ARRAY) String[] sessionIds,
        String secret,
        @Nullable String previousSecret,
        @Nullable Instant previousSecretExpiresAt,
        boolean enabled,
        @Nullable String disabledReason,
        @Nullable Instant failingSince,
        @Nullable Integer rateLimit,
        String ordering,
        Instant createdAt,
        Instant updatedAt,
        @Nullable Instant deletedAt) {

    public List<String> eventTypeList() {
        return List.of(eventTypes);
    }

    public List<String> sessionIdList() {
        return List.of(sessionIds);
    }

    /** Whether an event of this type and session (null: not a session's event) is for this endpoint. */
    public boolean wants(String type, @Nullable String sessionId) {
        boolean typeMatches = eventTypes.length == 0 || List.of(eventTypes).contains(type);
        boolean sessionMatches = sessionIds.length == 0
                || sessionId == null
                || List.of(sessionIds).contains(sessionId);
        return typeMatches && sessionMatches;
    }

    EndpointEntity with(EndpointSettings settings, Instant now) {
        boolean reEnabled = settings.enabled() && !enabled;
        return new EndpointEntity(
                id,
                organizationId,
                settings.url().toString(),
                settings.description(),
                settings.events().toArray(String[]::new),
                settings.sessionIds().toArray(String[]::new),
                secret,
                previousSecret,
                previousSecretExpiresAt,
                settings.enabled(),
                settings.enabled() ? null : disabledReason,
                reEnabled ? null : failingSince,
                settings.rateLimit(),
                settings.ordering().wireName(),
                createdAt,
                now,
                deletedAt);
    }

    EndpointEntity withNewSecret(String newSecret, Instant previousExpiresAt, Instant now) {
        return new EndpointEntity(
                id,
                organizationId,
                url,
                description,
                eventTypes,
                sessionIds,
                newSecret,
                secret,
                previousExpiresAt,
                enabled,
                disabledReason,
                failingSince,
                rateLimit,
                ordering,
                createdAt,
                now,
                deletedAt);
    }

    EndpointSettings settings() {
        return new EndpointSettings(
                URI.create(url),
                eventTypeList(),
                sessionIdList(),
                description,
                enabled,
                rateLimit,
                EndpointOrdering.parse(ordering));
    }
}
