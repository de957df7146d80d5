package io.wagate.webhook.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Map;

/**
 * The JSON body of a webhook, {@code {id, type, created_at, session_id, data}} (docs/architecture.md).
 * Nulls are written out: a subscriber sees every field of its type, always.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
record EventPayload(
        String id, String type, String createdAt, @Nullable String sessionId, Data data) {

    /** {@code data}, one shape per event type. */
    @Serdeable
    sealed interface Data permits SessionStatus, SessionQr, MessageStatus, EndpointDisabled {}

    /** {@code session.status} */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionStatus(
            String status,
            @Nullable String reason,
            @Nullable String phoneNumber) implements Data {}

    /** {@code session.qr} */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SessionQr(String qr, String expiresAt, int rotation) implements Data {}

    /** {@code message.sent|delivered|read|played|failed}; {@code error} only on failed. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageStatus(
            String messageId,
            @Nullable String clientRef,
            Map<String, String> metadata,
            @Nullable String waMessageId,
            String to,
            String status,
            @Nullable MessageError error)
            implements Data {}

    /** {@code webhook.endpoint.disabled}; {@code reason} is {@code gone} (it answered 410) or {@code failing}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record EndpointDisabled(String endpointId, String url, String reason) implements Data {}

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MessageError(String code, String message) {}
}
