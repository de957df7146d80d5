package io.wagate.media.store;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;

/**
 * Where media bytes live ({@code wagate.s3.*}, env {@code WAGATE_S3_*}): any S3-compatible store.
 * An empty {@code endpoint} means AWS itself; empty keys mean the AWS default credentials chain (an
 * IAM role, say). MinIO and similar stores usually need {@code force-path-style: true}.
 * {@code create-bucket} makes the bucket at start if it is missing (for local stacks).
 */
@ConfigurationProperties("wagate.s3")
public record S3Config(
        @Nullable URI endpoint,
        @Bindable(defaultValue = "us-east-1") String region,
        @Bindable(defaultValue = "wagate-media") String bucket,
        @Bindable(defaultValue = "false") boolean forcePathStyle,
        @Nullable String accessKeyId,
        @Nullable String secretAccessKey,
        @Bindable(defaultValue = "false") boolean createBucket) {

    public S3Config {
        if (endpoint != null && endpoint.toString().isBlank()) {
            endpoint = null;
        }
        if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null)) {
            throw new IllegalArgumentException("wagate.s3.endpoint must be an absolute http(s) URL: " + endpoint);
        }
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("wagate.s3.bucket must be set");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("wagate.s3.region must be set");
        }
        accessKeyId = blankToNull(accessKeyId);
        secretAccessKey = blankToNull(secretAccessKey);
        if ((accessKeyId == null) != (secretAccessKey == null)) {
            throw new IllegalArgumentException(
                    "wagate.s3.access-key-id and wagate.s3.secret-access-key go together: set both or neither");
        }
    }

    public boolean hasStaticCredentials() {
        return accessKeyId != null;
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
