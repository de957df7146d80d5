package io.wagate.api.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bucket4j buckets in Redis, shared with session-service: {@code wagate:rate:session:<id>} and
 * {@code wagate:rate:org:<id>}, each a greedy refill of {@code per-minute} tokens a minute up to
 * {@code capacity}. session-service takes a token per send; this side only estimates, never takes.
 */
@Singleton
public class RedisSendRateLimits implements SendRateLimits {

    static final String SESSION_KEY_PREFIX = "wagate:rate:session:";
    static final String ORGANIZATION_KEY_PREFIX = "wagate:rate:org:";

    private static final Logger LOG = LoggerFactory.getLogger(RedisSendRateLimits.class);

    private final RedisClient redis;
    private final BucketConfiguration sessionBucket;
    private final BucketConfiguration organizationBucket;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;

    RedisSendRateLimits(RedisClient redis, RateLimitConfig config) {
        this.redis = redis;
        this.sessionBucket = bucket(config.session().limit());
        this.organizationBucket = bucket(config.organization().limit());
    }

    /** The one bucket definition both services must share. */
    static BucketConfiguration bucket(RateLimitConfig.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(limit.capacity()).refillGreedy(limit.perMinute(), Duration.ofMinutes(1)))
                .build();
    }

    /**
     * Unreadable buckets (Redis down) refuse nothing: session-service, which takes the tokens, still
     * paces the send, so the worst case is a synchronous send that waits.
     */
    @Override
    public Optional<Exhausted> peek(String organizationId, String sessionId) {
        try {
            return exhausted("session", SESSION_KEY_PREFIX + sessionId, sessionBucket)
                    .or(() -> exhausted("organization", ORGANIZATION_KEY_PREFIX + organizationId, organizationBucket));
        } catch (RuntimeException e) {
            LOG.warn("send rate limits unreadable, not checked for {}: {}", sessionId, e.toString());
            return Optional.empty();
        }
    }

    private Optional<Exhausted> exhausted(String scope, String key, BucketConfiguration configuration) {
        EstimationProbe probe =
                buckets().builder().build(key, () -> configuration).estimateAbilityToConsume(1);
        if (probe.canBeConsumed()) {
            return Optional.empty();
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return Optional.of(new Exhausted(scope, seconds));
    }

    private ProxyManager<String> buckets() {
        ProxyManager<String> current = buckets;
        if (current == null) {
            synchronized (this) {
                if (buckets == null) {
                    connection = redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                    buckets = Bucket4jLettuce.casBasedBuilder(connection)
                            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                                    Duration.ofMinutes(1)))
                            .build();
                }
                current = buckets;
            }
        }
        return current;
    }

    @PreDestroy
    void close() {
        StatefulRedisConnection<String, byte[]> open = connection;
        if (open != null) {
            open.close();
        }
    }
}
