package io.wagate.webhook.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.webhook.delivery.DeliveryConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class MediaLinksTest {

    private static final Instant NOW = Instant.parse("2025-03-04T06:00:00Z");
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

    @Test
    void aLinkExpiresAfterTheConfiguredTimeAndIsSignedOverIdAndExpiry() {
        var links = new MediaLinks(
                "https://wagate.example.com",
                new MediaLinkSettings(Base64.getEncoder().encodeToString(KEY), Duration.ofHours(1)),
                Clock.fixed(NOW, ZoneOffset.UTC));

        MediaLinks.SignedLink link = links.linkTo("med_1").orElseThrow();

        long expires = NOW.plusSeconds(3600).getEpochSecond();
        assertThat(link.expiresAt()).isEqualTo(Instant.ofEpochSecond(expires));
        // what media-service checks: base64url HMAC-SHA256 of "id.expires" under the shared key
        assertThat(link.url())
                .isEqualTo("https://wagate.example.com/v1/media/med_1/content?expires=" + expires + "&signature="
                        + hmac("med_1." + expires));
        assertThat(links.signature("med_1", expires))
                .matches("[A-Za-z0-9_-]{43}")
                .isNotEqualTo(links.signature("med_2", expires))
                .isNotEqualTo(links.signature("med_1", expires + 1));
    }

    @Test
    void aLinkThatWouldDieBeforeTheLastRetryOfItsWebhookIsRefusedAtStart() {
        var settings = new MediaLinkSettings(Base64.getEncoder().encodeToString(KEY), Duration.ofHours(24));
        // the default schedule's last attempt comes 27.6 h (± 10 %) after the first
        var defaultSchedule = delivery(List.of(
                Duration.ZERO,
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                Duration.ofMinutes(30),
                Duration.ofHours(2),
                Duration.ofHours(5),
                Duration.ofHours(10),
                Duration.ofHours(10)));

        assertThatThrownBy(() -> new MediaLinks("http://localhost:8080", settings, defaultSchedule))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("wagate.media.url-ttl");
        assertThat(new MediaLinks(
                                "http://localhost:8080",
                                new MediaLinkSettings(settings.urlSigningKey(), null),
                                defaultSchedule)
                        .linkTo("med_1"))
                .isPresent();
    }

    @Test
    void theKeyMayBeStandardOrUrlSafeBase64() {
        byte[] key = new byte[40];
        key[0] = (byte) 0xFB;
        key[1] = (byte) 0xFF;
        var standard = new MediaLinks(
                "http://localhost:8080",
                new MediaLinkSettings(Base64.getEncoder().encodeToString(key), null),
                Clock.fixed(NOW, ZoneOffset.UTC));
        var urlSafe = new MediaLinks(
                "http://localhost:8080",
                new MediaLinkSettings(Base64.getUrlEncoder().withoutPadding().encodeToString(key), null),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThat(urlSafe.linkTo("med_1")).isEqualTo(standard.linkTo("med_1"));
    }

    @Test
    void aKeyShorterThan32BytesOrNotBase64IsRefusedAtStart() {
        assertThatThrownBy(() -> new MediaLinkSettings(Base64.getEncoder().encodeToString(new byte[31]), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new MediaLinkSettings("not base64 at all!", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MediaLinks("ftp://x", new MediaLinkSettings(null, null), Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyNeverShowsInTheSettingsText() {
        String key = Base64.getEncoder().encodeToString(KEY);
        assertThat(new MediaLinkSettings(key, null).toString())
                .doesNotContain(key)
                .contains("set");
    }

    private static DeliveryConfig delivery(List<Duration> retrySchedule) {
        return new DeliveryConfig(
                Duration.ofSeconds(15),
                Duration.ofSeconds(60),
                retrySchedule,
                Duration.ofMillis(200),
                500,
                256,
                32,
                Duration.ofSeconds(10),
                Duration.ofDays(5));
    }

    private static String hmac(String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
