package io.wagate.media.signing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks download links for inbound media, which webhooks carry instead of bytes:
 * {@code /v1/media/{id}/content?expires={epoch seconds}&signature={base64url, no padding, of
 * HMAC-SHA256(key, id + "." + expires)}}. A link that does not match is refused (403
 * {@code invalid_signature}) before its expiry is looked at (410 {@code link_expired}), so a forged
 * link learns nothing.
 */
@Singleton
public final class SignedUrlVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(SignedUrlVerifier.class);
    private static final Pattern CONTENT_PATH = Pattern.compile("^/v1/media/[^/]+/content/?$");
    private static final String ALGORITHM = "HmacSHA256";

    @Nullable
    private final SecretKeySpec key;

    private final Clock clock;

    @Inject
    SignedUrlVerifier(UrlSigningConfig config) {
        this(config.keyBytes(), Clock.systemUTC());
        if (key == null) {
            LOG.warn("wagate.media.url-signing-key is not set: signed media links are refused");
        }
    }

    public SignedUrlVerifier(@Nullable byte[] key, Clock clock) {
        this.key = key == null ? null : new SecretKeySpec(key, ALGORITHM);
        this.clock = clock;
    }

    /** Whether a request downloads through a signed link rather than with an API key. */
    public static boolean isSignedDownload(HttpRequest<?> request) {
        return request.getParameters().contains("signature")
                && CONTENT_PATH.matcher(request.getPath()).matches();
    }

    /** @throws ApiException {@code invalid_signature} or {@code link_expired} */
    public void verify(String mediaId, @Nullable String expires, @Nullable String signature) {
        if (key == null || expires == null || signature == null || !expires.matches("\\d{1,12}")) {
            throw invalid();
        }
        byte[] expected = mac(mediaId + "." + expires);
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (!MessageDigest.isEqual(expected, given)) {
            throw invalid();
        }
        if (Long.parseLong(expires) < clock.instant().getEpochSecond()) {
            throw new ApiException(ErrorCode.LINK_EXPIRED, ErrorCode.LINK_EXPIRED.defaultMessage());
        }
    }

    /** The signature of a link, as webhook-service makes it. */
    public String sign(String mediaId, long expires) {
        if (key == null) {
            throw new IllegalStateException("no url-signing-key");
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(mediaId + "." + expires));
    }

    private byte[] mac(String message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has " + ALGORITHM, e);
        }
    }

    private static ApiException invalid() {
        return new ApiException(ErrorCode.INVALID_SIGNATURE, ErrorCode.INVALID_SIGNATURE.defaultMessage());
    }
}
