package io.wagate.webhook.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingApiKeyVerifierTest {

    private static final Caller CALLER = new Caller("org_1", "key_1", false);
    private static final ApiServiceConfig CONFIG =
            new ApiServiceConfig(URI.create("http://127.0.0.1:8081"), Duration.ofSeconds(5), Duration.ofSeconds(30));

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger asked = new AtomicInteger();
    private volatile boolean apiServiceUp = true;

    private final ApiKeyVerifier apiService = key -> {
        asked.incrementAndGet();
        if (!apiServiceUp) {
            throw new ApiKeyVerifier.VerifierUnavailableException("down", null);
        }
        return Optional.ofNullable(Map.of("wag_known", CALLER).get(key));
    };
    private final CachingApiKeyVerifier verifier = new CachingApiKeyVerifier(apiService, CONFIG, nanos::get);

    @Test
    void aKnownKeyIsAskedAboutOnceWithinThirtySeconds() {
        assertThat(verifier.verify("wag_known")).contains(CALLER);
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(verifier.verify("wag_known")).contains(CALLER);

        assertThat(asked).hasValue(1);
    }

    @Test
    void anUnknownKeyIsAlsoRememberedForThirtySeconds() {
        assertThat(verifier.verify("wag_unknown")).isEmpty();
        assertThat(verifier.verify("wag_unknown")).isEmpty();

        assertThat(asked).hasValue(1);
    }

    @Test
    void anAnswerIsAskedForAgainAfterThirtySeconds() {
        verifier.verify("wag_known");
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        verifier.verify("wag_known");

        assertThat(asked).hasValue(2);
    }

    @Test
    void anUnavailableApiServiceIsNotRememberedAsAnAnswer() {
        apiServiceUp = false;
        assertThatThrownBy(() -> verifier.verify("wag_known"))
                .isInstanceOf(ApiKeyVerifier.VerifierUnavailableException.class);

        apiServiceUp = true;
        assertThat(verifier.verify("wag_known")).contains(CALLER);
    }
}
