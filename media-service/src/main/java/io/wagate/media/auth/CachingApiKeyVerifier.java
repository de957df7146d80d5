package io.wagate.media.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Remembers api-service's answers, positive and negative, for {@code wagate.api-service.cache-ttl},
 * so a burst of calls costs one introspection. A revoked key therefore keeps working up to that long.
 * Entries are keyed by the key's SHA-256, so no API key sits in the heap longer than a request.
 */
@Singleton
@Primary
final class CachingApiKeyVerifier implements ApiKeyVerifier {

    private static final long MAX_ENTRIES = 10_000;

    private final ApiKeyVerifier delegate;
    private final Cache<String, Optional<Caller>> answers;

    @Inject
    CachingApiKeyVerifier(@Named("api-service") ApiKeyVerifier delegate, ApiServiceConfig config) {
        this(delegate, config, Ticker.systemTicker());
    }

    CachingApiKeyVerifier(ApiKeyVerifier delegate, ApiServiceConfig config, Ticker ticker) {
        this.delegate = delegate;
        this.answers = Caffeine.newBuilder()
                .expireAfterWrite(config.cacheTtl())
                .maximumSize(MAX_ENTRIES)
                .ticker(ticker)
                .build();
    }

    @Override
    public Optional<Caller> verify(String apiKey) {
        // An unavailable api-service throws through here, so that answer is never cached.
        return answers.get(sha256(apiKey), ignored -> delegate.verify(apiKey));
    }

    private static String sha256(String apiKey) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
