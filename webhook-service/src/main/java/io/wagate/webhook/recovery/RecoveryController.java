package io.wagate.webhook.recovery;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.wagate.webhook.auth.Caller;
import io.wagate.webhook.error.ApiException;
import io.wagate.webhook.error.ErrorCode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

@Controller("/v1/webhooks/{id}")
@ExecuteOn(TaskExecutors.BLOCKING)
final class RecoveryController {

    private final RecoveryService recovery;

    RecoveryController(RecoveryService recovery) {
        this.recovery = recovery;
    }

    @Post("/deliveries/{deliveryId}/retry")
    @Status(HttpStatus.ACCEPTED)
    Retried retry(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id, String deliveryId) {
        recovery.retry(caller, id, deliveryId);
        return new Retried(deliveryId, "pending");
    }

    @Post("/recover")
    @Status(HttpStatus.ACCEPTED)
    Recovered recover(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id, @Body @Nullable RecoverRequest request) {
        if (request == null) {
            throw new ApiException(ErrorCode.INVALID_JSON, "a JSON object body is required");
        }
        return new Recovered(recovery.recover(caller, id, since(request.since())));
    }

    private static Instant since(@Nullable String since) {
        if (since == null || since.isBlank()) {
            throw ApiException.invalidField("since", "is required (ISO-8601, e.g. 2025-01-31T12:00:00Z)");
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(since.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("since", "must be an ISO-8601 date-time with an offset");
        }
        if (instant.isAfter(Instant.now())) {
            throw ApiException.invalidField("since", "must not be in the future");
        }
        return instant;
    }

    @Serdeable
    record RecoverRequest(@Nullable String since) {}

    @Serdeable
    record Retried(
            @com.fasterxml.jackson.annotation.JsonProperty("delivery_id")
            String deliveryId,

            String status) {}

    @Serdeable
    record Recovered(long recovered) {}
}
