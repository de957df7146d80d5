package io.wagate.api.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * Makes a send safe to retry: the first request with an {@code Idempotency-Key} (per organization)
 * is carried out; a retry with the same key and the same request answers the first outcome and
 * sends nothing; the same key with another request is refused. A request that failed frees its key.
 */
@Singleton
public class IdempotentSends {

    /** What the first request answered. */
    public record Outcome(String messageId, @Nullable String clientRef, boolean replayed) {}

    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRepository keys;
    private final IdempotencyConfig config;
    private final Clock clock = Clock.systemUTC();

    IdempotentSends(IdempotencyRepository keys, IdempotencyConfig config) {
        this.keys = keys;
        this.config = config;
    }

    public Outcome send(
            String organizationId,
            @Nullable String key,
            String requestHash,
            @Nullable String clientRef,
            Supplier<String> sendReturningMessageId) {
        if (key == null) {
            return new Outcome(sendReturningMessageId.get(), clientRef, false);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ApiException(
                    ApiError.ValidationError.of("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (keys.claim(organizationId, key, requestHash, now) == 0) {
            return replay(organizationId, key, requestHash);
        }
        String messageId;
        try {
            messageId = sendReturningMessageId.get();
        } catch (RuntimeException e) {
            keys.release(organizationId, key);
            throw e;
        }
        keys.complete(organizationId, key, messageId, clientRef);
        return new Outcome(messageId, clientRef, false);
    }

    private Outcome replay(String organizationId, String key, String requestHash) {
        IdempotencyRecord first = keys.findByOrganizationIdAndKey(organizationId, key)
                .orElseThrow(() -> new ApiException(new ApiError.IdempotencyKeyInProgress()));
        if (!first.requestHash().equals(requestHash)) {
            throw new ApiException(new ApiError.IdempotencyKeyReused());
        }
        if (first.messageId() == null) {
            throw new ApiException(new ApiError.IdempotencyKeyInProgress());
        }
        return new Outcome(first.messageId(), first.clientRef(), true);
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void forgetExpiredKeys() {
        keys.forgetOlderThan(clock.instant().minus(config.retention()));
    }
}
