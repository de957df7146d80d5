package io.wagate.session.media;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.MediaFile;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.OutboundMessage.LinkPreview;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * media-service's internal endpoints, as this service uses them: media for outbound messages is
 * prepared there (fetched, checked, converted) and streamed from there; inbound media is stored
 * there; link previews are made there.
 */
public interface MediaService {

    /**
     * Makes media ready for WhatsApp from an upload ({@code mediaId}) or a URL.
     *
     * @throws MediaRefusedException when media-service refuses it (too large, wrong type, URL not allowed...)
     * @throws MediaServiceUnavailableException when it does not answer; the same call may work later
     */
    StoredMedia prepare(
            String organizationId,
            MediaKind kind,
            @Nullable String mediaId,
            @Nullable String url,
            @Nullable String filename);

    /** Streams stored media's bytes; the caller closes the stream. */
    InputStream content(String organizationId, String mediaId) throws IOException;

    /**
     * Stores media that arrived in a chat, streaming it from {@code bytes}.
     *
     * @throws MediaRefusedException when media-service refuses it
     * @throws MediaServiceUnavailableException when it does not answer
     */
    StoredMedia store(
            String organizationId, MediaKind kind, @Nullable String filename, String mimetype, MediaFile.Source bytes);

    /** The Open Graph card of a page; empty when media-service cannot make one or does not answer. */
    Optional<LinkPreview> linkPreview(String url);
}
