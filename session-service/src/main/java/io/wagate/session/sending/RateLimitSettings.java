package io.wagate.session.sending;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code wagate.rate-limits.*}: the send buckets. api-service reads the same buckets in Redis to
 * answer a synchronous send 429, so both services must be configured alike.
 */
@ConfigurationProperties("wagate.rate-limits")
public record RateLimitSettings(Session session, Organization organization) {

    /** A bucket's burst ({@code capacity}) and the steady rate it refills at ({@code per-minute}). */
    public record Limit(int capacity, int perMinute) {

        public Limit {
            if (capacity <= 0 || perMinute <= 0) {
                throw new IllegalArgumentException("wagate.rate-limits: capacity and per-minute must be positive");
            }
        }
    }

    /** {@code wagate.rate-limits.session.*}: one bucket per session (default 10, 30 per minute). */
    @ConfigurationProperties("session")
    public record Session(
            @Bindable(defaultValue = "10") @Nullable Integer capacity,
            @Bindable(defaultValue = "30") @Nullable Integer perMinute) {

        public Limit limit() {
            return new Limit(capacity == null ? 10 : capacity, perMinute == null ? 30 : perMinute);
        }
    }

    /** {@code wagate.rate-limits.organization.*}: one bucket per organization (default 100, 1000 per minute). */
    @ConfigurationProperties("organization")
    public record Organization(
            @Bindable(defaultValue = "100") @Nullable Integer capacity,
            @Bindable(defaultValue = "1000") @Nullable Integer perMinute) {

        public Limit limit() {
            return new Limit(capacity == null ? 100 : capacity, perMinute == null ? 1000 : perMinute);
        }
    }
}
