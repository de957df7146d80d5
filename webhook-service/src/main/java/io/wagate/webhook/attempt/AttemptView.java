package io.wagate.webhook.attempt;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.List;

/** One attempt of the log as the API shows it; {@code response_body} is the answer's first KiB. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
record AttemptView(
        String id,
        String webhookId,
        String deliveryId,
        String eventId,
        String attemptedAt,
        @Nullable Integer statusCode,
        int latencyMs,
        @Nullable String responseBody,
        @Nullable String error) {

    /** A page, newest first; pass the last id as {@code starting_after} for the next one. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Page(List<AttemptView> data, boolean hasMore) {}
}
