package io.wagate.media.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MediaFormatsTest {

    @ParameterizedTest(name = "{0} accepts {1}: {2}")
    @CsvSource({
        "IMAGE, image/jpeg, true",
        "IMAGE, image/png, true",
        "IMAGE, image/webp, true",
        "IMAGE, image/gif, false",
        "IMAGE, application/pdf, false",
        "VIDEO, video/mp4, true",
        "VIDEO, video/3gpp, true",
        "VIDEO, video/quicktime, false",
        "AUDIO, audio/mpeg, true",
        "AUDIO, audio/opus, true",
        "AUDIO, audio/vorbis, true",
        "AUDIO, audio/x-aac, true",
        "AUDIO, audio/amr, true",
        "AUDIO, audio/vnd.wave, false",
        "VOICE_NOTE, audio/vnd.wave, true",
        "VOICE_NOTE, audio/mpeg, true",
        "VOICE_NOTE, video/mp4, false",
        "DOCUMENT, application/pdf, true",
        "DOCUMENT, application/zip, true",
        "DOCUMENT, text/csv, true",
        "DOCUMENT, application/rtf, true",
        "DOCUMENT, application/vnd.oasis.opendocument.text, true",
        "DOCUMENT, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, true",
        "DOCUMENT, image/png, true",
        "DOCUMENT, application/x-executable, false",
        "DOCUMENT, application/octet-stream, false",
        "STICKER, image/webp, true",
        "STICKER, image/png, true",
        "STICKER, image/jpeg, true",
        "STICKER, image/gif, false"
    })
    void eachKindAcceptsWhatWhatsAppAccepts(MediaKind kind, String type, boolean accepted) {
        assertThat(MediaFormats.accepts(kind, type)).isEqualTo(accepted);
    }

    @ParameterizedTest
    @CsvSource({
        "audio/opus, audio/ogg; codecs=opus",
        "audio/x-aac, audio/aac",
        "audio/vorbis, audio/ogg",
        "image/png, image/png"
    })
    void typesAreReportedByTheNamesWhatsAppUses(String detected, String reported) {
        assertThat(MediaFormats.wireName(detected)).isEqualTo(reported);
    }
}
