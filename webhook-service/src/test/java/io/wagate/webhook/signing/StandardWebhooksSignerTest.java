package io.wagate.webhook.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StandardWebhooksSignerTest {

    private static final String BODY = "{\"id\":\"evt_1\",\"type\":\"message.sent\",\"data\":{\"text\":\"olá ✓\"}}";

    @Test
    void aSignedWebhookVerifiesWithTheReferenceStandardWebhooksLibrary() throws Exception {
        // Given a fresh endpoint secret
        WebhookSecret secret = WebhookSecret.generate();

        // When a webhook is signed now
        SignedWebhook signed =
                StandardWebhooksSigner.sign(secret, "evt_1", Instant.now().getEpochSecond(), BODY);

        // Then the independent verifier accepts it
        new Webhook(secret.encoded()).verify(BODY, asHttpHeaders(signed));
    }

    @Test
    void aTamperedBodyFailsVerification() {
        WebhookSecret secret = WebhookSecret.generate();
        SignedWebhook signed =
                StandardWebhooksSigner.sign(secret, "evt_1", Instant.now().getEpochSecond(), BODY);

        assertThatThrownBy(
                        () -> new Webhook(secret.encoded()).verify(BODY.replace("sent", "read"), asHttpHeaders(signed)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void anotherEndpointsSecretFailsVerification() {
        SignedWebhook signed = StandardWebhooksSigner.sign(
                WebhookSecret.generate(), "evt_1", Instant.now().getEpochSecond(), BODY);

        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate().encoded()).verify(BODY, asHttpHeaders(signed)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void theSignatureIsTheOneTheReferenceLibraryComputes() throws Exception {
        WebhookSecret secret = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

        SignedWebhook signed = StandardWebhooksSigner.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY);

        assertThat(signed.signature())
                .isEqualTo(new Webhook(secret.encoded()).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, BODY));
        assertThat(signed.headers())
                .containsEntry("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek")
                .containsEntry("webhook-timestamp", "1614265330");
    }

    @Test
    void duringARotationEitherSecretVerifiesWithTheReferenceLibrary() throws Exception {
        // Given an endpoint whose secret was just rotated
        WebhookSecret current = WebhookSecret.generate();
        WebhookSecret previous = WebhookSecret.generate();

        // When a webhook is signed with both
        SignedWebhook signed = StandardWebhooksSigner.sign(
                List.of(current, previous), "evt_1", Instant.now().getEpochSecond(), BODY);

        // Then it carries two space-separated v1 entries, and a receiver holding either secret accepts it
        assertThat(signed.signature()).matches("v1,[A-Za-z0-9+/=]+ v1,[A-Za-z0-9+/=]+");
        new Webhook(current.encoded()).verify(BODY, asHttpHeaders(signed));
        new Webhook(previous.encoded()).verify(BODY, asHttpHeaders(signed));
        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate().encoded()).verify(BODY, asHttpHeaders(signed)))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aNewSecretIsWhsecAndThe32RandomBytesInBase64() {
        String encoded = WebhookSecret.generate().encoded();

        assertThat(encoded).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(encoded.substring("whsec_".length())))
                .hasSize(32);
        assertThat(WebhookSecret.generate().encoded()).isNotEqualTo(encoded);
        assertThat(WebhookSecret.parse(encoded).toString()).doesNotContain(encoded.substring(6));
    }

    private static Map<String, List<String>> asHttpHeaders(SignedWebhook signed) {
        return signed.headers().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> List.of(entry.getValue())));
    }
}
