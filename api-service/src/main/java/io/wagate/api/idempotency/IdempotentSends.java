package io.wagate.api.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes a send safe to retry: the first request with an {@code Idempotency-Key} (per organization)
 * is carried out; a retry with the same key and the same request answers the first outcome and
 * sends nothing; the same key with another request is refused. A request that was refused (bad
 * input, not connected, rate limited, Kafka down) frees its key; a send WhatsApp refused did happen,
 * so its failure is the outcome a retry gets.
 */
@Singleton
public class IdempotentSends {

    /**
     * What a send answered: {@code status} is {@code queued} (with {@code pending} when a synchronous
     * wait ran out), a status past {@code sent} with the WhatsApp id, or {@code failed} with a reason.
     */
    public record Outcome(
            String messageId,
            @Nullable String clientRef,
            String status,
            @Nullable String waMessageId,
            @Nullable String errorCode,
            @Nullable String errorMessage,
            boolean pending,
            boolean replayed) {}

    private static final int MAX_KEY_LENGTH = 255;

    private final IdempotencyRepository keys;
    private final IdempotencyConfig config;
    private final Clock clock = Clock.systemUTC();

    IdempotentSends(IdempotencyRepository keys, IdempotencyConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /**
     * Carries out {@code sendOnce} unless the key answered already. {@code sendOnce} is handed a
     * checkpoint to record the send as queued the moment it is in Kafka, before a synchronous wait:
     * should this request die waiting, a retry answers that rather than "in progress" for a day.
     */
    public Outcome send(
            String organizationId,
            @Nullable String key,
            String requestHash,
            Function<Consumer<Outcome>, Outcome> sendOnce) {
        if (key == null) {
            return sendOnce.apply(queued -> {});
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new ApiException(
                    ApiError.ValidationError.of("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (keys.claim(organizationId, key, requestHash, now) == 0) {
            return replay(organizationId, key, requestHash);
        }
        AtomicBoolean queued = new AtomicBoolean();
        Outcome outcome;
        try {
            outcome = sendOnce.apply(checkpoint -> {
                record(organizationId, key, checkpoint);
                queued.set(true);
            });
        } catch (RuntimeException e) {
            if (!queued.get()) {
                keys.release(organizationId, key);
            }
            throw e;
        }
        record(organizationId, key, outcome);
        return outcome;
    }

    private void record(String organizationId, String key, Outcome outcome) {
        keys.complete(
                organizationId,
                key,
                outcome.messageId(),
                outcome.clientRef(),
                outcome.status(),
                outcome.waMessageId(),
                outcome.errorCode(),
                outcome.errorMessage(),
                outcome.pending());
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
        return new Outcome(
                first.messageId(),
                first.clientRef(),
                // keys stored before outcomes were kept all answered 202 queued
                first.status() == null ? "queued" : first.status(),
                first.waMessageId(),
                first.errorCode(),
                first.errorMessage(),
                first.pending(),
                true);
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "1m")
    void forgetExpiredKeys() {
        keys.forgetOlderThan(clock.instant().minus(config.retention()));
    }
}
