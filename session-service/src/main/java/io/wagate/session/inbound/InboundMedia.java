package io.wagate.session.inbound;

import io.wagate.session.SessionRef;
import io.wagate.session.events.ReceivedContent;
import io.wagate.session.media.MediaRefusedException;
import io.wagate.session.media.MediaService;
import io.wagate.session.media.MediaServiceUnavailableException;
import io.wagate.session.media.StoredMedia;
import io.wagate.session.transport.InboundMessage;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the bytes of inbound media to media-service, streamed from the adapter, retrying a little
 * when media-service does not answer: the session's thread waits, so its events keep their order.
 */
@Singleton
class InboundMedia {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMedia.class);
    private static final List<Duration> PAUSES = List.of(Duration.ofMillis(500), Duration.ofSeconds(2));

    private final MediaService media;

    InboundMedia(MediaService media) {
        this.media = media;
    }

    /** @throws NotStoredException when media-service refuses the bytes or keeps not answering */
    ReceivedContent.Media store(SessionRef session, InboundMessage.Media file) {
        for (int attempt = 0; ; attempt++) {
            try {
                StoredMedia stored = media.store(
                        session.organizationId(), file.kind(), file.filename(), file.mimetype(), file.bytes());
                return new ReceivedContent.Media(
                        ReceivedContent.Media.Kind.valueOf(file.kind().name()),
                        stored.id(),
                        stored.mimetype(),
                        stored.size(),
                        stored.sha256(),
                        file.caption(),
                        stored.filename() != null ? stored.filename() : file.filename());
            } catch (MediaRefusedException e) {
                throw new NotStoredException(e.code() + ": " + e.getMessage());
            } catch (MediaServiceUnavailableException e) {
                if (attempt >= PAUSES.size()) {
                    throw new NotStoredException(e.getMessage());
                }
                LOG.warn("{}: storing inbound media failed, trying again: {}", session.sessionId(), e.getMessage());
                pause(PAUSES.get(attempt));
            }
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotStoredException("interrupted");
        }
    }

    static final class NotStoredException extends RuntimeException {

        NotStoredException(String message) {
            super(message);
        }
    }
}
