package io.wagate.media.intake;

import java.net.URI;

/** Where the bytes of media to prepare come from: exactly one of these. */
public sealed interface MediaSource {

    /** An earlier upload (or any stored media) of the same organization. */
    record Stored(String mediaId) implements MediaSource {}

    /** A URL to fetch, SSRF-guarded. */
    record Remote(URI url) implements MediaSource {}

    /** The bytes themselves, base64 (a {@code data:} URL is accepted too). */
    record Inline(String base64) implements MediaSource {}
}
