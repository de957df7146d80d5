package io.wagate.media.convert;

import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ws.schild.jave.Encoder;
import ws.schild.jave.EncoderException;
import ws.schild.jave.MultimediaObject;
import ws.schild.jave.encode.AudioAttributes;
import ws.schild.jave.encode.EncodingAttributes;

/**
 * Turns any recording into what WhatsApp plays as a voice note: Opus in an Ogg container, mono,
 * 48 kHz. ffmpeg (with libopus) comes in a jar through JAVE and runs as a child process; a recording
 * that already is Ogg/Opus is kept as it is.
 */
@Singleton
public final class FfmpegVoiceNoteConverter {

    private static final Logger LOG = LoggerFactory.getLogger(FfmpegVoiceNoteConverter.class);
    private static final int BIT_RATE = 32_000;
    private static final int SAMPLING_RATE = 48_000;

    private final ConversionConfig config;

    FfmpegVoiceNoteConverter(ConversionConfig config) {
        this.config = config;
    }

    public Conversion convert(Path source, String detectedType, Path target) {
        if (detectedType.equals("audio/opus")) {
            return new Conversion.Unchanged();
        }
        AudioAttributes audio = new AudioAttributes()
                .setCodec("libopus")
                .setBitRate(BIT_RATE)
                .setChannels(1)
                .setSamplingRate(SAMPLING_RATE);
        // No video attributes: ffmpeg is told -vn, so cover art in an MP3 does not come along.
        EncodingAttributes attributes =
                new EncodingAttributes().setOutputFormat("ogg").setAudioAttributes(audio);
        Encoder encoder = new Encoder();
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = Thread.ofVirtual().name("voice-note-watchdog").start(() -> {
            try {
                Thread.sleep(config.timeout());
                timedOut.set(true);
                encoder.abortEncoding();
            } catch (InterruptedException finished) {
                // the conversion ended first
            }
        });
        try {
            encoder.encode(new MultimediaObject(source.toFile()), target.toFile(), attributes);
            return new Conversion.Converted(target, "audio/opus");
        } catch (EncoderException | IllegalArgumentException e) {
            if (timedOut.get()) {
                // A recording within the size limit converts in seconds; this is a machine too busy to.
                throw new ApiException(
                        ErrorCode.UNAVAILABLE,
                        "converting the voice note took longer than "
                                + config.timeout().toSeconds() + " s; retry later");
            }
            LOG.info("ffmpeg could not convert a voice note ({}): {}", detectedType, e.getMessage());
            throw new ApiException(
                    ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "the recording could not be converted to OGG/Opus: it is damaged");
        } finally {
            watchdog.interrupt();
        }
    }
}
