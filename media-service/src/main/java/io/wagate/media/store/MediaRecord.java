package io.wagate.media.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/**
 * A row of {@code media}: one stored object. {@code kind} is what it was prepared as (null for a plain
 * upload, which any kind may use later); {@code detectedType} is what the bytes are (Tika's name) and
 * {@code mimetype} what clients and WhatsApp are told. {@code origin}: upload, url, base64, inbound,
 * or converted (made from another media).
 */
@MappedEntity("media")
public record MediaRecord(
        @Id String id,
        String organizationId,
        @Nullable String kind,
        String mimetype,
        String detectedType,
        long size,
        String sha256,
        @Nullable String filename,
        String origin,
        String storageKey,
        Instant createdAt) {

    public static String storageKey(String organizationId, String id) {
        return organizationId + "/" + id;
    }
}
