package io.wagate.session.sending;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.events.SessionEvent.Failure;
import io.wagate.session.media.MediaRefusedException;
import io.wagate.session.media.MediaService;
import io.wagate.session.media.MediaServiceUnavailableException;
import io.wagate.session.media.StoredMedia;
import io.wagate.session.transport.MediaFile;
import io.wagate.session.transport.OutboundMessage;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a message needs from media-service: its media prepared for WhatsApp (then streamed from
 * media-service when the transport sends it, never held here) and its link preview.
 */
final class MediaPreparation {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+", Pattern.CASE_INSENSITIVE);
    // Punctuation that ends a sentence rather than the URL.
    private static final Pattern TRAILING = Pattern.compile("[.,;:!?)\\]}'’]+$");

    private final MediaService media;

    MediaPreparation(MediaService media) {
        this.media = media;
    }

    /**
     * @throws Refused when media-service refuses the media; the failure carries its code
     * @throws CompositionDeferredException when media-service does not answer
     */
    OutboundMessage.Media prepare(String organizationId, SendContent.Media content) {
        StoredMedia prepared;
        try {
            prepared = media.prepare(
                    organizationId,
                    content.mediaKind(),
                    blankToNull(content.media().mediaId()),
                    blankToNull(content.media().url()),
                    content.filename());
        } catch (MediaRefusedException e) {
            // Its own word for a malformed request is ours for a malformed message.
            String code = e.code().equals("validation_error") ? MessageFailures.INVALID_MESSAGE : e.code();
            throw new Refused(new Failure(code, e.getMessage()));
        } catch (MediaServiceUnavailableException e) {
            throw new CompositionDeferredException("media-service did not prepare the media: " + e.getMessage(), e);
        }
        String mediaId = prepared.id();
        var file = new MediaFile(
                prepared.mimetype(),
                prepared.size(),
                Objects.requireNonNullElse(prepared.sha256(), ""),
                () -> media.content(organizationId, mediaId));
        return new OutboundMessage.Media(
                content.mediaKind(),
                file,
                content.caption(),
                content.filename() != null ? content.filename() : prepared.filename(),
                content.gifPlayback());
    }

    /** The card of the text's first link; null when it has none or media-service cannot make one. */
    @Nullable
    OutboundMessage.LinkPreview linkPreview(String text) {
        Optional<String> url = firstUrl(text);
        if (url.isEmpty()) {
            return null;
        }
        return media.linkPreview(url.get()).orElse(null);
    }

    static Optional<String> firstUrl(String text) {
        Matcher matcher = URL.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(TRAILING.matcher(matcher.group()).replaceFirst(""));
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** media-service refused the media for good. */
    static final class Refused extends RuntimeException {

        private final Failure failure;

        Refused(Failure failure) {
            super(failure.code(), null, false, false);
            this.failure = failure;
        }

        Failure failure() {
            return failure;
        }
    }
}
