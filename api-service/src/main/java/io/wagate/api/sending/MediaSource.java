package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where a send's media comes from. Only {@link Prepared} media, stored by media-service, ever reaches
 * Kafka; the others are handed to media-service first.
 */
public sealed interface MediaSource {

    /** {@code media_url}: media-service fetches it (SSRF-guarded). */
    record Url(
            String url, @Nullable String mimetype, @Nullable String filename) implements MediaSource {}

    /** {@code media_base64}: the bytes themselves, decoded by media-service. */
    record Base64(
            String data,
            @Nullable String mimetype,
            @Nullable String filename) implements MediaSource {

        /** Never the data itself: a request may hold megabytes of it and toString ends up in fingerprints and logs. */
        @Override
        public String toString() {
            return "Base64[sha256=" + sha256(data) + ", mimetype=" + mimetype + ", filename=" + filename + "]";
        }
    }

    /** {@code media_id}: an earlier upload ({@code med_...}). */
    record Upload(
            String mediaId,
            @Nullable String mimetype,
            @Nullable String filename) implements MediaSource {}

    /** Checked, converted and stored by media-service under {@code mediaId}. */
    record Prepared(
            String mediaId,
            String mimetype,
            long size,
            @Nullable String filename) implements MediaSource {}

    private static String sha256(String data) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(data.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
