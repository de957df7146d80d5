package io.wagate.media.intake;

import io.micronaut.core.annotation.Nullable;
import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import io.wagate.media.format.MediaFormats;
import io.wagate.media.format.MediaKind;
import io.wagate.media.format.MediaLimits;
import io.wagate.media.format.TypeDetector;
import io.wagate.media.store.MediaRecord;
import io.wagate.media.store.MediaStore;
import io.wagate.media.store.MediaStore.Origin;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** Media that arrives as a body: uploads by users and what session-service downloads from WhatsApp. */
@Singleton
public final class MediaIntake {

    private final Spool spool;
    private final TypeDetector detector;
    private final MediaLimits limits;
    private final MediaStore store;

    MediaIntake(Spool spool, TypeDetector detector, MediaLimits limits, MediaStore store) {
        this.spool = spool;
        this.detector = detector;
        this.limits = limits;
        this.store = store;
    }

    /**
     * An upload any kind may use later: refused only when no kind accepts what the bytes are.
     *
     * @throws ApiException {@code media_too_large}, {@code unsupported_media_type}, {@code validation_error}
     */
    public MediaRecord upload(
            String organizationId, @Nullable String filename, @Nullable String declaredType, InputStream body)
            throws IOException {
        filename = PrepareRequestValidator.filename(filename);
        try (SpooledFile spooled = spool.copy(body, limits.upload(), "the upload")) {
            requireContent(spooled, "file");
            String detected = detector.detect(spooled.path(), filename, declaredType);
            if (!MediaFormats.acceptedByAnyKind(detected)) {
                throw new ApiException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        detected.equals(TypeDetector.UNKNOWN)
                                ? "the bytes are not a format this gateway recognises"
                                : MediaFormats.wireName(detected) + " cannot be sent as any kind of media",
                        Map.of("detected_mimetype", MediaFormats.wireName(detected)));
            }
            return store.save(organizationId, null, spooled, detected, null, filename, Origin.UPLOAD);
        }
    }

    /**
     * Media a contact sent, stored as it came: WhatsApp has already judged it, so only the size is
     * bounded. The declared type is kept when the bytes are of a kind nothing here recognises.
     */
    public PreparedMedia inbound(
            String organizationId,
            MediaKind kind,
            @Nullable String filename,
            @Nullable String declaredType,
            InputStream body)
            throws IOException {
        try (SpooledFile spooled = spool.copy(body, limits.inbound(), "the inbound media")) {
            requireContent(spooled, "body");
            String detected = detector.detect(spooled.path(), filename, declaredType);
            String mimetype = detected.equals(TypeDetector.UNKNOWN) && usable(declaredType) ? declaredType : null;
            MediaRecord media = store.save(organizationId, kind, spooled, detected, mimetype, filename, Origin.INBOUND);
            return PreparedMedia.of(media, kind.wireName(), null);
        }
    }

    private static void requireContent(SpooledFile spooled, String field) {
        if (spooled.size() == 0) {
            throw ApiException.invalidField(field, "must not be empty");
        }
    }

    private static boolean usable(@Nullable String declaredType) {
        return declaredType != null && !declaredType.isBlank() && declaredType.contains("/");
    }
}
