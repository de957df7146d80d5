package io.wagate.api.session;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** {@code wagate:qr:<session_id>} → the QR as JSON, expiring with the QR itself. */
@Singleton
public class RedisQrStore implements QrStore {

    static final String KEY_PREFIX = "wagate:qr:";

    private final StatefulRedisConnection<String, String> redis;
    private final ObjectMapper json;
    private final Clock clock = Clock.systemUTC();

    RedisQrStore(StatefulRedisConnection<String, String> redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void put(String sessionId, QrCode qr) {
        long ttlMillis = Duration.between(clock.instant(), qr.expiresAt()).toMillis();
        if (ttlMillis <= 0) {
            return;
        }
        try {
            redis.sync().set(KEY_PREFIX + sessionId, json.writeValueAsString(qr), SetArgs.Builder.px(ttlMillis));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<QrCode> find(String sessionId) {
        String stored = redis.sync().get(KEY_PREFIX + sessionId);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(stored, QrCode.class)).filter(qr -> !qr.expiredAt(clock.instant()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
