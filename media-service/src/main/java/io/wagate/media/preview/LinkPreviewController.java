package io.wagate.media.preview;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.wagate.media.error.ApiException;
import java.net.URI;
import java.net.URISyntaxException;

/** {@code POST /internal/v1/link-preview {"url"}}, for session-service when a text asks for one. */
@Controller("/internal/v1/link-preview")
@ExecuteOn(TaskExecutors.BLOCKING)
final class LinkPreviewController {

    private final LinkPreviewService previews;

    LinkPreviewController(LinkPreviewService previews) {
        this.previews = previews;
    }

    @Post
    LinkPreview preview(@Body LinkPreviewRequest request) {
        if (request.url() == null || request.url().isBlank()) {
            throw ApiException.invalidField("url", "is required");
        }
        URI url;
        try {
            url = new URI(request.url().strip());
        } catch (URISyntaxException e) {
            throw ApiException.invalidField("url", "is not a valid URL");
        }
        if (!url.isAbsolute()) {
            throw ApiException.invalidField("url", "must be an absolute http(s) URL");
        }
        return previews.preview(url);
    }
}
