package io.wagate.api.ratelimit;

import java.util.Optional;

/** The send buckets of sessions and organizations, looked at without taking from them. */
public interface SendRateLimits {

    /** Which bucket is empty and for how long, or empty when a send could go at once. */
    Optional<Exhausted> peek(String organizationId, String sessionId);

    /** {@code scope} is {@code session} or {@code organization}. */
    record Exhausted(String scope, long retryAfterSeconds) {}
}
