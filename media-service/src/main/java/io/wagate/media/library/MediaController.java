package io.wagate.media.library;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestAttribute;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.wagate.media.auth.Caller;
import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import io.wagate.media.intake.MediaIntake;
import io.wagate.media.signing.SignedUrlVerifier;
import io.wagate.media.store.MediaRecord;
import io.wagate.media.store.MediaStore;
import java.io.IOException;
import java.io.InputStream;
import org.reactivestreams.Publisher;

/**
 * {@code /v1/media}: upload media to send later by id, look at it, download it, delete it. Every
 * call is an organization's (Bearer key); the one exception is a download through a signed link.
 */
@Controller("/v1/media")
@ExecuteOn(TaskExecutors.BLOCKING)
final class MediaController {

    /** How long the start of the file part may take to arrive. */
    private static final long PART_TIMEOUT_SECONDS = 60;

    private final MediaIntake intake;
    private final MediaStore store;
    private final ContentDownload download;
    private final SignedUrlVerifier signedUrls;

    MediaController(MediaIntake intake, MediaStore store, ContentDownload download, SignedUrlVerifier signedUrls) {
        this.intake = intake;
        this.store = store;
        this.download = download;
        this.signedUrls = signedUrls;
    }

    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<MediaView> upload(
            @RequestAttribute(Caller.ATTRIBUTE) Caller caller, @Part("file") Publisher<StreamingFileUpload> parts)
            throws IOException {
        StreamingFileUpload file = FirstPart.of(parts, PART_TIMEOUT_SECONDS)
                .orElseThrow(() -> ApiException.invalidField("file", "a multipart part named file is required"));
        String declaredType = file.getContentType().map(MediaType::toString).orElse(null);
        try (InputStream body = file.asInputStream()) {
            MediaRecord media =
                    intake.upload(caller.organizationId(), blankToNull(file.getFilename()), declaredType, body);
            return HttpResponse.<MediaView>status(HttpStatus.CREATED).body(MediaView.of(media));
        }
    }

    @Get("/{id}")
    MediaView get(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id) {
        return MediaView.of(owned(caller, id));
    }

    @Get("/{id}/content")
    HttpResponse<StreamedFile> content(
            @Nullable @RequestAttribute(Caller.ATTRIBUTE) Caller caller,
            String id,
            @Nullable @QueryValue String expires,
            @Nullable @QueryValue String signature) {
        if (signature != null) {
            signedUrls.verify(id, expires, signature);
            return download.of(store.findSigned(id).orElseThrow(() -> ApiException.mediaNotFound(id)));
        }
        if (caller == null) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, ErrorCode.UNAUTHORIZED.defaultMessage());
        }
        return download.of(owned(caller, id));
    }

    @Delete("/{id}")
    HttpResponse<Void> delete(@RequestAttribute(Caller.ATTRIBUTE) Caller caller, String id) {
        if (!store.delete(id, caller.organizationId())) {
            throw ApiException.mediaNotFound(id);
        }
        return HttpResponse.noContent();
    }

    private MediaRecord owned(Caller caller, String id) {
        return store.find(id, caller.organizationId()).orElseThrow(() -> ApiException.mediaNotFound(id));
    }

    @Nullable
    private static String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
