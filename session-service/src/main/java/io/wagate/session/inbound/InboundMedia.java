package io.wagate.session.inbound;

import io.wagate.session.SessionRef;
import io.wagate.session.events.ReceivedContent;
import io.wagate.session.media.MediaRefusedException;
import io.wagate.session.media.MediaService;
import io.wagate.session.media.MediaServiceUnavailableException;
import io.wagate.session.media.StoredMedia;
import io.wagate.session.transport.InboundMessage;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the bytes of inbound media to media-service, streamed from the adapter, retrying a little
 * when media-service does not answer: the session's thread waits, so its events keep their order.
 * Media it refuses or cannot take is described without its bytes rather than dropped, so the message
 * is still announced.
 */
@Singleton
class InboundMedia {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMedia.class);
    private static final List<Duration> PAUSES = List.of(Duration.ofMillis(500), Duration.ofSeconds(2));

    private final MediaService media;
    private final List<Duration> pauses;

    @Inject
    InboundMedia(MediaService media) {
        this(media, PAUSES);
    }

    /** @param pauses between attempts: one attempt more than there are pauses */
    InboundMedia(MediaService media, List<Duration> pauses) {
        this.media = media;
        this.pauses = List.copyOf(pauses);
    }

    ReceivedContent.Media store(SessionRef session, InboundMessage.Media file) {
        ReceivedContent.Media.Kind kind =
                ReceivedContent.Media.Kind.valueOf(file.kind().name());
        for (int attempt = 0; ; attempt++) {
            try {
                StoredMedia stored = media.store(
                        session.organizationId(), file.kind(), file.filename(), file.mimetype(), file.bytes());
                return ReceivedContent.Media.stored(
                        kind,
                        stored.id(),
                        stored.mimetype(),
                        stored.size(),
                        stored.sha256(),
                        file.caption(),
                        stored.filename() != null ? stored.filename() : file.filename());
            } catch (MediaRefusedException e) {
                return notStored(kind, file, new ReceivedContent.Media.NotStored(e.code(), e.getMessage()));
            } catch (MediaServiceUnavailableException e) {
                if (attempt >= pauses.size()) {
                    return notStored(kind, file, unavailable(e.getMessage()));
                }
                LOG.warn("{}: storing inbound media failed, trying again: {}", session.sessionId(), e.getMessage());
                if (!pause(pauses.get(attempt))) {
                    return notStored(kind, file, unavailable("interrupted while waiting for media-service"));
                }
            }
        }
    }

    private static ReceivedContent.Media notStored(
            ReceivedContent.Media.Kind kind, InboundMessage.Media file, ReceivedContent.Media.NotStored error) {
        return ReceivedContent.Media.notStored(
                kind, file.mimetype(), file.size(), file.caption(), file.filename(), error);
    }

    private static ReceivedContent.Media.NotStored unavailable(String why) {
        return new ReceivedContent.Media.NotStored(
                ReceivedContent.Media.NotStored.UNAVAILABLE, "media-service did not take the media: " + why);
    }

    /** @return false when interrupted (the flag is set again), so the caller stops waiting */
    private static boolean pause(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
