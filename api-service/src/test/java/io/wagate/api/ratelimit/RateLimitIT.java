package io.wagate.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.wagate.api.support.ApiClient.Reply;
import io.wagate.api.support.ApiTestBase;
import io.wagate.schemas.v1.SendMessage;
import io.wagate.testsupport.Infrastructure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A synchronous send is refused with 429 while its session's bucket is empty, and goes through once
 * it refilled; an async send is never refused for rate. The test takes the tokens itself, as
 * session-service does before each send, from the same Redis bucket.
 */
@MicronautTest(transactional = false)
class RateLimitIT extends ApiTestBase {

    private static final Map<String, Object> HELLO = Map.of("to", "5511999999999", "type", "text", "text", "hi");

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        // one send at once, refilled at one a second
        properties.put("wagate.rate-limits.session.capacity", "1");
        properties.put("wagate.rate-limits.session.per-minute", "60");
        return properties;
    }

    @Test
    void aSyncSendOnAnEmptyBucketIs429WithRetryAfterAndGoesThroughAfterTheRefill() {
        // Given: session-service took the session's only token
        String key = newOrganizationKey("Chatty");
        String org = organizationOf(key);
        String sessionId = connectedSession(key);
        sessionService().acknowledgeSends(sessionId, org, id -> "3EB0RATE");
        takeEveryToken(sessionId);

        // When
        Reply limited = api.post("/v1/sessions/" + sessionId + "/messages", key, HELLO);

        // Then
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.errorCode()).isEqualTo("rate_limited");
        assertThat(limited.text("/error/details/scope")).isEqualTo("session");
        assertThat(limited.body().at("/error/details/retry_after_seconds").asLong())
                .isBetween(1L, 2L);
        assertThat(limited.headers().firstValue("Retry-After"))
                .hasValueSatisfying(
                        seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 2L));

        // And when the bucket refilled
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> api.post("/v1/sessions/" + sessionId + "/messages", key, HELLO)
                                .status()
                        == 200);
        assertThat(topics.commandsFor(sessionId).stream().filter(SendMessage.class::isInstance))
                .hasSize(1);
    }

    @Test
    void anAsyncSendIsQueuedWhateverTheBucketSays() {
        String key = newOrganizationKey("Bulk");
        String sessionId = connectedSession(key);
        takeEveryToken(sessionId);

        Reply queued = api.post("/v1/sessions/" + sessionId + "/messages?async=true", key, HELLO);

        assertThat(queued.status()).isEqualTo(202);
    }

    private static void takeEveryToken(String sessionId) {
        RedisClient client = RedisClient.create(Infrastructure.shared().redisUri());
        try (var connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            Bucket bucket = Bucket4jLettuce.casBasedBuilder(connection)
                    .build()
                    .builder()
                    .build(
                            RedisSendRateLimits.SESSION_KEY_PREFIX + sessionId,
                            () -> RedisSendRateLimits.bucket(new RateLimitConfig.Limit(1, 60)));
            bucket.tryConsumeAsMuchAsPossible();
        } finally {
            client.shutdown();
        }
    }
}
