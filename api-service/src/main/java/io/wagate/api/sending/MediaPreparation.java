package io.wagate.api.sending;

import io.wagate.api.media.MediaService;
import jakarta.inject.Singleton;

/**
 * Hands a send's media to media-service before the send is queued, so the command carries only the
 * id of checked, converted, stored media and a bad file is refused while the caller still waits.
 */
@Singleton
class MediaPreparation {

    private final MediaService media;

    MediaPreparation(MediaService media) {
        this.media = media;
    }

    SendRequest prepare(String organizationId, SendRequest request) {
        if (!(request.content() instanceof MessageContent.Media content)) {
            return request;
        }
        var prepared = media.prepare(requestFor(organizationId, content));
        return request.withContent(content.withMedia(
                new MediaSource.Prepared(prepared.id(), prepared.mimetype(), prepared.size(), prepared.filename())));
    }

    private static MediaService.PrepareRequest requestFor(String organizationId, MessageContent.Media content) {
        String kind = content.mediaKind();
        return switch (content.media()) {
            case MediaSource.Url url ->
                new MediaService.PrepareRequest(
                        organizationId, kind, null, url.url(), null, url.filename(), url.mimetype());
            case MediaSource.Base64 base64 ->
                new MediaService.PrepareRequest(
                        organizationId, kind, null, null, base64.data(), base64.filename(), base64.mimetype());
            case MediaSource.Upload upload ->
                new MediaService.PrepareRequest(
                        organizationId, kind, upload.mediaId(), null, null, upload.filename(), upload.mimetype());
            case MediaSource.Prepared prepared ->
                throw new IllegalStateException("media " + prepared.mediaId() + " is prepared already");
        };
    }
}
