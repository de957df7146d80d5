package io.wagate.media.intake;

import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.wagate.media.convert.Conversion;
import io.wagate.media.convert.FfmpegVoiceNoteConverter;
import io.wagate.media.convert.WebPStickerConverter;
import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import io.wagate.media.fetch.FetchedBody;
import io.wagate.media.fetch.GuardedHttpFetcher;
import io.wagate.media.format.MediaFormats;
import io.wagate.media.format.MediaKind;
import io.wagate.media.format.MediaLimits;
import io.wagate.media.format.TypeDetector;
import io.wagate.media.metrics.MediaMetrics;
import io.wagate.media.store.MediaRecord;
import io.wagate.media.store.MediaStore;
import io.wagate.media.store.MediaStore.Origin;
import io.wagate.media.store.StoredObject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes media ready to send as a kind: gets the bytes (a stored upload, a guarded fetch, base64),
 * checks what they really are against the kind's formats and size limit, converts voice notes and
 * stickers, and stores the result. Only its id goes on to Kafka.
 */
@Singleton
public final class MediaPreparer {

    private final Spool spool;
    private final TypeDetector detector;
    private final MediaLimits limits;
    private final GuardedHttpFetcher fetcher;
    private final FfmpegVoiceNoteConverter voiceNotes;
    private final WebPStickerConverter stickers;
    private final MediaStore store;
    private final MediaMetrics metrics;

    MediaPreparer(
            Spool spool,
            TypeDetector detector,
            MediaLimits limits,
            GuardedHttpFetcher fetcher,
            FfmpegVoiceNoteConverter voiceNotes,
            WebPStickerConverter stickers,
            MediaStore store,
            MediaMetrics metrics) {
        this.spool = spool;
        this.detector = detector;
        this.limits = limits;
        this.fetcher = fetcher;
        this.voiceNotes = voiceNotes;
        this.stickers = stickers;
        this.store = store;
        this.metrics = metrics;
    }

    public PreparedMedia prepare(PrepareCommand command) {
        Timer.Sample sample = metrics.startPreparing();
        String outcome = ErrorCode.INTERNAL_ERROR.code();
        try {
            PreparedMedia prepared =
                    switch (command.source()) {
                        case MediaSource.Stored stored -> fromStored(command, stored.mediaId());
                        case MediaSource.Remote remote -> fromUrl(command, remote.url());
                        case MediaSource.Inline inline -> fromBase64(command, inline.base64());
                    };
            outcome = "ok";
            return prepared;
        } catch (ApiException e) {
            outcome = e.code().code();
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            metrics.prepared(sample, command.kind(), outcome);
        }
    }

    private PreparedMedia fromStored(PrepareCommand command, String mediaId) throws IOException {
        MediaKind kind = command.kind();
        MediaRecord media =
                store.find(mediaId, command.organizationId()).orElseThrow(() -> ApiException.mediaNotFound(mediaId));
        long limit = limits.of(kind);
        if (media.size() > limit) {
            throw ApiException.tooLarge("media " + mediaId + " (" + media.size() + " bytes)", limit);
        }
        requireAccepted(kind, media.detectedType());
        if (!mayNeedConversion(kind, media)) {
            return PreparedMedia.of(media, kind.wireName(), command.filename());
        }
        StoredObject object = store.read(media);
        try (InputStream in = object.stream();
                SpooledFile copy = spool.copy(in, limit, "media " + mediaId)) {
            String filename = command.filename() != null ? command.filename() : media.filename();
            return convertAndStore(command, copy, media.detectedType(), filename, Origin.CONVERTED, media);
        }
    }

    private PreparedMedia fromUrl(PrepareCommand command, URI url) throws IOException {
        long limit = limits.of(command.kind());
        try (FetchedBody body = fetcher.open(url, limit)) {
            SpooledFile spooled;
            try {
                spooled = spool.copy(body.stream(), limit, "the media at the URL");
            } catch (IOException e) {
                throw GuardedHttpFetcher.failed(url, e.getMessage());
            }
            try (spooled) {
                if (spooled.size() == 0) {
                    throw new ApiException(
                            ErrorCode.MEDIA_FETCH_FAILED, "the URL answered no content", Map.of("url", url.toString()));
                }
                String filename = command.filename() != null ? command.filename() : lastSegment(body.url());
                String hint = command.mimetype() != null ? command.mimetype() : body.contentType();
                String detected = detector.detect(spooled.path(), filename, hint);
                requireAccepted(command.kind(), detected);
                return convertAndStore(command, spooled, detected, filename, Origin.URL, null);
            }
        }
    }

    private PreparedMedia fromBase64(PrepareCommand command, String base64) throws IOException {
        long limit = limits.of(command.kind());
        Base64Source source = Base64Source.parse(base64);
        if (source.decodedLengthAtLeast() > limit) {
            throw ApiException.tooLarge("the base64 media", limit);
        }
        SpooledFile spooled;
        try (InputStream decoded = source.decoded()) {
            spooled = spool.copy(decoded, limit, "the base64 media");
        } catch (IOException e) {
            throw ApiException.invalidField("base64", "not valid base64 (" + e.getMessage() + ")");
        }
        try (spooled) {
            if (spooled.size() == 0) {
                throw ApiException.invalidField("base64", "must not be empty");
            }
            String hint = command.mimetype() != null ? command.mimetype() : source.declaredType();
            String detected = detector.detect(spooled.path(), command.filename(), hint);
            requireAccepted(command.kind(), detected);
            return convertAndStore(command, spooled, detected, command.filename(), Origin.BASE64, null);
        }
    }

    /** Voice notes and stickers may need new bytes; media already prepared as the kind does not. */
    private static boolean mayNeedConversion(MediaKind kind, MediaRecord media) {
        if (kind.wireName().equals(media.kind())) {
            return false;
        }
        return switch (kind) {
            case VOICE_NOTE -> !media.detectedType().equals("audio/opus");
            case STICKER -> true; // its size and animation are read from the bytes
            case IMAGE, VIDEO, AUDIO, DOCUMENT -> false;
        };
    }

    /** @param existing the stored media the bytes are a copy of, answered as is when nothing changes */
    private PreparedMedia convertAndStore(
            PrepareCommand command,
            SpooledFile spooled,
            String detected,
            @Nullable String filename,
            Origin origin,
            @Nullable MediaRecord existing)
            throws IOException {
        MediaKind kind = command.kind();
        Path target = spool.newFile();
        Conversion conversion = new Conversion.Unchanged();
        try {
            conversion = switch (kind) {
                case VOICE_NOTE -> voiceNotes.convert(spooled.path(), detected, target);
                case STICKER -> stickers.convert(spooled.path(), detected, target);
                case IMAGE, VIDEO, AUDIO, DOCUMENT -> new Conversion.Unchanged();
            };
        } finally {
            if (!(conversion instanceof Conversion.Converted)) {
                Files.deleteIfExists(target);
            }
        }
        return switch (conversion) {
            case Conversion.Unchanged ignored ->
                existing != null
                        ? PreparedMedia.of(existing, kind.wireName(), command.filename())
                        : stored(command, spooled, detected, filename, origin);
            case Conversion.Converted converted -> {
                try (SpooledFile result = spool.adopt(converted.file())) {
                    String renamed = renamed(filename, converted.detectedType());
                    yield stored(command, result, converted.detectedType(), renamed, origin);
                }
            }
        };
    }

    private PreparedMedia stored(
            PrepareCommand command, SpooledFile file, String detected, @Nullable String filename, Origin origin) {
        MediaRecord media =
                store.save(command.organizationId(), command.kind(), file, detected, null, filename, origin);
        return PreparedMedia.of(media, command.kind().wireName(), null);
    }

    private static void requireAccepted(MediaKind kind, String detected) {
        if (!MediaFormats.accepts(kind, detected)) {
            throw unsupported(kind, detected);
        }
    }

    static ApiException unsupported(MediaKind kind, String detected) {
        String mimetype = MediaFormats.wireName(detected);
        return new ApiException(
                ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                detected.equals(TypeDetector.UNKNOWN)
                        ? "the bytes are not a format this gateway recognises"
                        : "a " + kind.wireName() + " cannot be " + mimetype,
                Map.of("kind", kind.wireName(), "detected_mimetype", mimetype));
    }

    /** A converted file keeps its name with the extension of what it now is. */
    @Nullable
    private static String renamed(@Nullable String filename, String detectedType) {
        if (filename == null) {
            return null;
        }
        String extension = detectedType.equals("audio/opus") ? ".ogg" : ".webp";
        int dot = filename.lastIndexOf('.');
        return (dot > 0 ? filename.substring(0, dot) : filename) + extension;
    }

    @Nullable
    private static String lastSegment(URI url) {
        String path = url.getPath();
        if (path == null) {
            return null;
        }
        String segment = path.substring(path.lastIndexOf('/') + 1);
        return segment.isBlank() ? null : segment;
    }
}
