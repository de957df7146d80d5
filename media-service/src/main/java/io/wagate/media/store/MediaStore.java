package io.wagate.media.store;

import io.micronaut.core.annotation.Nullable;
import io.wagate.media.Ids;
import io.wagate.media.format.MediaFormats;
import io.wagate.media.format.MediaKind;
import io.wagate.media.intake.SpooledFile;
import io.wagate.media.metrics.MediaMetrics;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Media as rows in PostgreSQL and bytes in S3, kept together. */
@Singleton
public final class MediaStore {

    private static final Logger LOG = LoggerFactory.getLogger(MediaStore.class);

    private final JdbcMediaRepository rows;
    private final S3ObjectStore objects;
    private final MediaMetrics metrics;
    private final Clock clock;

    MediaStore(JdbcMediaRepository rows, S3ObjectStore objects, MediaMetrics metrics) {
        this.rows = rows;
        this.objects = objects;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    /**
     * Stores the bytes, then the row: a failure in between leaves an object nobody points at, never a
     * row without its bytes.
     *
     * @param mimetype what to tell clients; null: the detected type's usual name
     */
    public MediaRecord save(
            String organizationId,
            @Nullable MediaKind kind,
            SpooledFile file,
            String detectedType,
            @Nullable String mimetype,
            @Nullable String filename,
            Origin origin) {
        String id = Ids.newMediaId();
        String key = MediaRecord.storageKey(organizationId, id);
        String reported = mimetype != null ? mimetype : MediaFormats.wireName(detectedType);
        objects.put(key, file.path(), reported);
        MediaRecord record = rows.save(new MediaRecord(
                id,
                organizationId,
                kind == null ? null : kind.wireName(),
                reported,
                detectedType,
                file.size(),
                file.sha256(),
                filename,
                origin.wireName(),
                key,
                // PostgreSQL keeps microseconds; what is answered now must equal what is read later.
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS)));
        metrics.stored(file.size());
        LOG.info("Stored {} for {}: {} bytes of {} ({})", id, organizationId, file.size(), reported, origin.wireName());
        return record;
    }

    public Optional<MediaRecord> find(String id, String organizationId) {
        return rows.findByIdAndOrganizationId(id, organizationId);
    }

    /** For a signed link, which names the media alone: the signature stands in for the organization. */
    public Optional<MediaRecord> findSigned(String id) {
        return rows.findById(id);
    }

    /** The bytes, counted as served while they are read. */
    public StoredObject open(MediaRecord media) {
        StoredObject object = objects.open(media.storageKey());
        return new StoredObject(metrics.served(object.stream()), object.length());
    }

    /** The bytes without counting them as served: for conversions inside this service. */
    public StoredObject read(MediaRecord media) {
        return objects.open(media.storageKey());
    }

    /** Deletes the bytes first, so a failure leaves the media whole and the delete can be retried. */
    public boolean delete(String id, String organizationId) {
        Optional<MediaRecord> media = rows.findByIdAndOrganizationId(id, organizationId);
        if (media.isEmpty()) {
            return false;
        }
        objects.delete(media.get().storageKey());
        rows.deleteByIdAndOrganizationId(id, organizationId);
        LOG.info("Deleted {} of {}", id, organizationId);
        return true;
    }

    /** Where a stored media came from. */
    public enum Origin {
        UPLOAD,
        URL,
        BASE64,
        INBOUND,
        /** Made by converting another stored media. */
        CONVERTED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
