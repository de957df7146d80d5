package io.wagate.api.pairing;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** {@code wagate:pairing-code:<session_id>} → the code as JSON, expiring with the code itself. */
@Singleton
public class RedisPairingCodeStore implements PairingCodeStore {

    static final String KEY_PREFIX = "wagate:pairing-code:";

    private final StatefulRedisConnection<String, String> redis;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    RedisPairingCodeStore(StatefulRedisConnection<String, String> redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void put(String sessionId, PairingCode code) {
        long ttlMillis = Duration.between(clock.instant(), code.expiresAt()).toMillis();
        if (ttlMillis <= 0) {
            return;
        }
        try {
            redis.sync().set(KEY_PREFIX + sessionId, json.writeValueAsString(code), SetArgs.Builder.px(ttlMillis));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<PairingCode> find(String sessionId) {
        String stored = redis.sync().get(KEY_PREFIX + sessionId);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored, PairingCode.class))
                    .filter(code -> !code.expiredAt(clock.instant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
