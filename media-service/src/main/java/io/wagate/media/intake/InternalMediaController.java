package io.wagate.media.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.wagate.media.error.ApiException;
import io.wagate.media.library.ContentDownload;
import io.wagate.media.store.MediaStore;
import java.io.IOException;
import java.io.InputStream;

/**
 * What the other services call, inside the cluster only (the edge never routes {@code /internal}):
 * prepare media for a send, read its bytes, store media received from WhatsApp.
 */
@Controller("/internal/v1/media")
@ExecuteOn(TaskExecutors.BLOCKING)
final class InternalMediaController {

    private final MediaPreparer preparer;
    private final MediaIntake intake;
    private final MediaStore store;
    private final ContentDownload download;

    InternalMediaController(MediaPreparer preparer, MediaIntake intake, MediaStore store, ContentDownload download) {
        this.preparer = preparer;
        this.intake = intake;
        this.store = store;
        this.download = download;
    }

    @Post("/prepare")
    PreparedMedia prepare(@Body PrepareRequest request) {
        return preparer.prepare(PrepareRequestValidator.validate(request));
    }

    @Get("/{id}/content")
    HttpResponse<StreamedFile> content(String id, @Nullable @QueryValue("organization_id") String organizationId) {
        String organization = PrepareRequestValidator.required(organizationId, "organization_id");
        return download.of(store.find(id, organization).orElseThrow(() -> ApiException.mediaNotFound(id)));
    }

    @Post(consumes = MediaType.ALL)
    HttpResponse<PreparedMedia> inbound(
            @Nullable @QueryValue("organization_id") String organizationId,
            @Nullable @QueryValue String kind,
            @Nullable @QueryValue String filename,
            @Nullable @Header(HttpHeaders.CONTENT_TYPE) String contentType,
            @Body InputStream body)
            throws IOException {
        PreparedMedia media = intake.inbound(
                PrepareRequestValidator.required(organizationId, "organization_id"),
                PrepareRequestValidator.kind(kind),
                PrepareRequestValidator.filename(filename),
                contentType,
                body);
        return HttpResponse.<PreparedMedia>status(HttpStatus.CREATED).body(media);
    }
}
