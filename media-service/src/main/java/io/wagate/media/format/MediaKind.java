package io.wagate.media.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a piece of media is sent as, which decides the formats and size WhatsApp accepts for it. */
public enum MediaKind {
    IMAGE,
    VIDEO,
    AUDIO,
    /** A push-to-talk recording: always stored as OGG/Opus. */
    VOICE_NOTE,
    DOCUMENT,
    /** Always stored as a 512×512 WebP. */
    STICKER;

    /** The lower_snake name used in JSON and query strings. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MediaKind> fromWire(String value) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName().equals(value))
                .findFirst();
    }

    public static String wireNames() {
        return String.join(
                ", ", Arrays.stream(values()).map(MediaKind::wireName).toList());
    }
}
