package io.wagate.session.sending;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.wagate.session.SessionRef;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bucket4j buckets in Redis (Lettuce), shared with api-service: {@code wagate:rate:session:<id>}
 * and {@code wagate:rate:org:<id>}, each refilled greedily with {@code per-minute} tokens a minute up
 * to {@code capacity}. A send takes a token from both; api-service only looks. While Redis cannot
 * be reached, sends wait rather than go out unpaced (pacing is what keeps a number from a ban).
 */
@Singleton
public class RedisRateLimiter implements RateLimiter {

    static final String SESSION_KEY_PREFIX = "wagate:rate:session:";
    static final String ORGANIZATION_KEY_PREFIX = "wagate:rate:org:";
    private static final Duration WHILE_REDIS_IS_DOWN = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiter.class);

    private final RedisClient redis;
    private final BucketConfiguration sessionBucket;
    private final BucketConfiguration organizationBucket;
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile ProxyManager<String> buckets;

    RedisRateLimiter(RedisClient redis, RateLimitSettings settings) {
        this.redis = redis;
        this.sessionBucket = bucket(settings.session().limit());
        this.organizationBucket = bucket(settings.organization().limit());
    }

    /** The one bucket definition both services share (api-service's RedisSendRateLimits). */
    static BucketConfiguration bucket(RateLimitSettings.Limit limit) {
        return BucketConfiguration.builder()
                .addLimit(bandwidth ->
                        bandwidth.capacity(limit.capacity()).refillGreedy(limit.perMinute(), Duration.ofMinutes(1)))
                .build();
    }

    @Override
    public Duration tryAcquire(SessionRef session) {
        try {
            BucketProxy ofSession =
                    buckets().builder().build(SESSION_KEY_PREFIX + session.sessionId(), () -> sessionBucket);
            ConsumptionProbe taken = ofSession.tryConsumeAndReturnRemaining(1);
            if (!taken.isConsumed()) {
                return wait(taken);
            }
            ConsumptionProbe ofOrganization = buckets()
                    .builder()
                    .build(ORGANIZATION_KEY_PREFIX + session.organizationId(), () -> organizationBucket)
                    .tryConsumeAndReturnRemaining(1);
            if (!ofOrganization.isConsumed()) {
                // Not sent after all: the session's token goes back.
                ofSession.addTokens(1);
                return wait(ofOrganization);
            }
            return Duration.ZERO;
        } catch (RuntimeException e) {
            LOG.warn("{}: rate limits unreadable, send waits: {}", session.sessionId(), e.toString());
            return WHILE_REDIS_IS_DOWN;
        }
    }

    private static Duration wait(ConsumptionProbe refused) {
        return Duration.ofNanos(
                Math.max(refused.getNanosToWaitForRefill(), Duration.ofMillis(1).toNanos()));
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
