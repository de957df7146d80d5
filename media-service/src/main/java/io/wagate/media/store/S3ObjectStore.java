package io.wagate.media.store;

import io.micronaut.context.annotation.Context;
import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import jakarta.annotation.PreDestroy;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media bytes in an S3-compatible store, one object per media, keyed {@code <organization>/<media id>}.
 * Uploads stream from a file and downloads stream to the caller; nothing is held whole in memory.
 */
@Context
public final class S3ObjectStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3ObjectStore.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private final S3Config config;
    private final S3Client s3;

    S3ObjectStore(S3Config config) {
        this.config = config;
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .forcePathStyle(config.forcePathStyle())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30))
                        .maxConnections(64))
                .credentialsProvider(
                        config.hasStaticCredentials()
                                ? StaticCredentialsProvider.create(
                                        AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey()))
                                : DefaultCredentialsProvider.builder().build());
        if (config.endpoint() != null) {
            builder.endpointOverride(config.endpoint());
        }
        this.s3 = builder.build();
        if (config.createBucket()) {
            createBucketIfMissing();
        }
    }

    public void put(String key, Path file, String contentType) {
        try {
            s3.putObject(
                    request -> request.bucket(config.bucket()).key(key).contentType(contentType),
                    RequestBody.fromFile(file));
        } catch (SdkException e) {
            throw unavailable("storing media failed", e);
        }
    }

    /** @throws ApiException {@code media_not_found} when the object is gone */
    public StoredObject open(String key) {
        try {
            ResponseInputStream<GetObjectResponse> stream =
                    s3.getObject(request -> request.bucket(config.bucket()).key(key));
            return new StoredObject(stream, stream.response().contentLength());
        } catch (NoSuchKeyException e) {
            throw new ApiException(ErrorCode.MEDIA_NOT_FOUND, "the media's bytes are gone from storage");
        } catch (SdkException e) {
            throw unavailable("reading media failed", e);
        }
    }

    public void delete(String key) {
        try {
            s3.deleteObject(request -> request.bucket(config.bucket()).key(key));
        } catch (SdkException e) {
            throw unavailable("deleting media failed", e);
        }
    }

    /** Whether the bucket answers; what readiness asks, so the SDK's retries get two seconds in all. */
    void checkReachable() {
        s3.headBucket(request ->
                request.bucket(config.bucket()).overrideConfiguration(call -> call.apiCallTimeout(PROBE_TIMEOUT)));
    }

    String bucket() {
        return config.bucket();
    }

    private void createBucketIfMissing() {
        try {
            s3.headBucket(request -> request.bucket(config.bucket()));
        } catch (NoSuchBucketException e) {
            s3.createBucket(request -> request.bucket(config.bucket()));
            LOG.info("Created bucket {}", config.bucket());
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(request -> request.bucket(config.bucket()));
            LOG.info("Created bucket {}", config.bucket());
        }
    }

    private static ApiException unavailable(String what, SdkException e) {
        LOG.warn("{}: {}", what, e.getMessage());
        return new ApiException(ErrorCode.UNAVAILABLE, "object storage is unavailable; retry later");
    }

    @Override
    @PreDestroy
    public void close() {
        s3.close();
    }
}
