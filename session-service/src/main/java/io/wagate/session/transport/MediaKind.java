package io.wagate.session.transport;

/** What WhatsApp shows a media message as. */
public enum MediaKind {
    IMAGE,
    VIDEO,
    AUDIO,
    /** A push-to-talk voice note: OGG/Opus. */
    VOICE_NOTE,
    DOCUMENT,
    /** A 512×512 WebP. */
    STICKER
}
