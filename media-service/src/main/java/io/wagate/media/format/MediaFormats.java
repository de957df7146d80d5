package io.wagate.media.format;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which detected types each kind accepts (WhatsApp's formats), and the name a type is stored and
 * reported under. Types are Tika's names for what the bytes are.
 */
public final class MediaFormats {

    private static final Set<String> IMAGES = Set.of("image/jpeg", "image/png", "image/webp");
    private static final Set<String> VIDEOS = Set.of("video/mp4", "video/3gpp");
    private static final Set<String> AUDIO =
            Set.of("audio/mpeg", "audio/ogg", "audio/opus", "audio/vorbis", "audio/x-aac", "audio/amr", "audio/mp4");
    /** A voice note is converted, so anything ffmpeg decodes well from a phone or a recorder will do. */
    private static final Set<String> VOICE_NOTE_INPUTS = union(AUDIO, Set.of("audio/vnd.wave", "audio/x-flac"));

    private static final Set<String> DOCUMENTS = Set.of(
            "application/pdf",
            "text/plain",
            "text/csv",
            "text/tab-separated-values",
            "text/rtf",
            "application/rtf",
            "application/json",
            "application/xml",
            "text/xml",
            "text/calendar",
            "text/vcard",
            "text/x-vcard",
            "application/zip",
            "application/gzip",
            "application/x-gzip",
            "application/x-tar",
            "application/x-7z-compressed",
            "application/x-rar-compressed",
            "application/vnd.rar",
            "application/epub+zip",
            "application/msword",
            "application/vnd.ms-excel",
            "application/vnd.ms-powerpoint",
            "application/x-tika-msoffice",
            "application/x-tika-ooxml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/vnd.oasis.opendocument.presentation",
            "application/vnd.oasis.opendocument.graphics");

    private static final Map<MediaKind, Set<String>> ACCEPTED = Map.of(
            MediaKind.IMAGE, IMAGES,
            MediaKind.VIDEO, VIDEOS,
            MediaKind.AUDIO, AUDIO,
            MediaKind.VOICE_NOTE, VOICE_NOTE_INPUTS,
            // Any photo, film or recording may also go as a file.
            MediaKind.DOCUMENT, union(DOCUMENTS, IMAGES, VIDEOS, VOICE_NOTE_INPUTS),
            MediaKind.STICKER, IMAGES);

    private static final Set<String> ANY_KIND =
            ACCEPTED.values().stream().flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());

    /** Tika's internal or non-standard names, as WhatsApp and clients know them. */
    private static final Map<String, String> WIRE_NAMES = Map.of(
            "audio/x-aac", "audio/aac",
            "audio/vorbis", "audio/ogg",
            "audio/opus", "audio/ogg; codecs=opus",
            "application/x-tika-ooxml", "application/zip",
            "application/x-tika-msoffice", "application/vnd.ms-office",
            "application/x-rar-compressed", "application/vnd.rar",
            "application/x-gzip", "application/gzip");

    private MediaFormats() {}

    public static boolean accepts(MediaKind kind, String detectedType) {
        return ACCEPTED.get(kind).contains(detectedType);
    }

    /** Whether some kind accepts it: what an upload must be, since its kind is chosen when it is sent. */
    public static boolean acceptedByAnyKind(String detectedType) {
        return ANY_KIND.contains(detectedType);
    }

    /** The mimetype stored and reported for a detected type. */
    public static String wireName(String detectedType) {
        return WIRE_NAMES.getOrDefault(detectedType, detectedType);
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Arrays.stream(sets).flatMap(Stream::of).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
    }
}
