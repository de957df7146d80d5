package io.wagate.media.format;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;

/**
 * The largest media accepted per kind, in bytes ({@code wagate.media.limits.*}, e.g. {@code 16MB}).
 * The defaults are WhatsApp's own limits; a sticker's applies to what is sent in, before conversion.
 * {@code upload} bounds {@code POST /v1/media} (any kind may use an upload later) and {@code inbound}
 * what session-service stores for received messages.
 */
@ConfigurationProperties("wagate.media.limits")
public record MediaLimits(
        @Bindable(defaultValue = "5MB") @ReadableBytes long image,
        @Bindable(defaultValue = "16MB") @ReadableBytes long video,
        @Bindable(defaultValue = "16MB") @ReadableBytes long audio,
        @Bindable(defaultValue = "16MB") @ReadableBytes long voiceNote,
        @Bindable(defaultValue = "100MB") @ReadableBytes long document,
        @Bindable(defaultValue = "5MB") @ReadableBytes long sticker,
        @Bindable(defaultValue = "100MB") @ReadableBytes long upload,
        @Bindable(defaultValue = "100MB") @ReadableBytes long inbound) {

    public MediaLimits {
        for (long limit : new long[] {image, video, audio, voiceNote, document, sticker, upload, inbound}) {
            if (limit <= 0) {
                throw new IllegalArgumentException("wagate.media.limits.* must be positive");
            }
        }
    }

    public long of(MediaKind kind) {
        return switch (kind) {
            case IMAGE -> image;
            case VIDEO -> video;
            case AUDIO -> audio;
            case VOICE_NOTE -> voiceNote;
            case DOCUMENT -> document;
            case STICKER -> sticker;
        };
    }
}
