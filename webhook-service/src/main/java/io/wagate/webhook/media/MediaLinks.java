package io.wagate.webhook.media;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.wagate.webhook.delivery.DeliveryConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Download links for inbound media that a webhook subscriber can use without an API key:
 * {@code {public-base-url}/v1/media/{id}/content?expires={epoch seconds}&signature={sig}} where
 * {@code sig} is base64url (no padding) of HMAC-SHA256(key, {@code id + "." + expires}). media-service
 * checks it with the same key; the link stops working at {@code expires}.
 */
@Singleton
public class MediaLinks {

    private static final Logger LOG = LoggerFactory.getLogger(MediaLinks.class);

    private final String publicBaseUrl;
    private final @Nullable SecretKeySpec key;
    private final MediaLinkSettings settings;
    private final Clock clock;

    /**
     * A link is made when its event is ingested and every retry of the webhook carries it: it must
     * outlive the retry schedule (with its 10 % jitter), or the last attempts deliver a dead link.
     */
    @Inject
    public MediaLinks(
            @Value("${wagate.public-base-url:`http://localhost:8080`}") String publicBaseUrl,
            MediaLinkSettings settings,
            DeliveryConfig delivery) {
        this(publicBaseUrl, settings, Clock.systemUTC());
        Duration lastAttempt = delivery.retrySchedule().stream()
                .reduce(Duration.ZERO, Duration::plus)
                .multipliedBy(11)
                .dividedBy(10);
        if (key != null && settings.urlTtl().compareTo(lastAttempt) < 0) {
            throw new IllegalArgumentException("wagate.media.url-ttl (" + settings.urlTtl()
                    + ") must outlive wagate.webhooks.retry-schedule, whose last attempt comes up to " + lastAttempt
                    + " after the first");
        }
    }

    public MediaLinks(String publicBaseUrl, MediaLinkSettings settings, Clock clock) {
        URI base = URI.create(publicBaseUrl);
        if (base.getScheme() == null || !base.getScheme().startsWith("http") || base.getHost() == null) {
            throw new IllegalArgumentException("wagate.public-base-url must be an http(s) URL, was " + publicBaseUrl);
        }
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        byte[] bytes = settings.key();
        this.key = bytes == null ? null : new SecretKeySpec(bytes, "HmacSHA256");
        this.settings = settings;
        this.clock = clock;
        if (key == null) {
            LOG.warn("wagate.media.url-signing-key is not set: webhooks of inbound media carry no download link");
        }
    }

    /** A link to the media's bytes that works until {@link SignedLink#expiresAt()}; empty without a key. */
    public Optional<SignedLink> linkTo(String mediaId) {
        if (key == null) {
            return Optional.empty();
        }
        long expires = clock.instant().plus(settings.urlTtl()).getEpochSecond();
        String url = publicBaseUrl + "/v1/media/" + URLEncoder.encode(mediaId, StandardCharsets.UTF_8)
                + "/content?expires=" + expires + "&signature=" + signature(mediaId, expires);
        return Optional.of(new SignedLink(url, Instant.ofEpochSecond(expires)));
    }

    String signature(String mediaId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((mediaId + "." + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is always available", e);
        }
    }

    public record SignedLink(String url, Instant expiresAt) {}
}
