package io.wagate.media.convert;

import java.nio.file.Path;

/** What a converter made of the media it was given. */
public sealed interface Conversion {

    /** The media already is what WhatsApp wants; store it as it came. */
    record Unchanged() implements Conversion {}

    /** New bytes, in {@code file}, of the given (Tika) type. */
    record Converted(Path file, String detectedType) implements Conversion {}
}
