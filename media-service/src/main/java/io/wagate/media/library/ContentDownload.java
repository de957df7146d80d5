package io.wagate.media.library;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.wagate.media.store.MediaRecord;
import io.wagate.media.store.MediaStore;
import io.wagate.media.store.StoredObject;
import jakarta.inject.Singleton;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A media's bytes as an HTTP answer, streamed from storage with their type and length. */
@Singleton
public final class ContentDownload {

    private final MediaStore store;

    ContentDownload(MediaStore store) {
        this.store = store;
    }

    public HttpResponse<StreamedFile> of(MediaRecord media) {
        StoredObject object = store.open(media);
        StreamedFile file = new StreamedFile(
                object.stream(),
                MediaType.of(media.mimetype()),
                media.createdAt().toEpochMilli(),
                object.length());
        var response = HttpResponse.ok(file).header("x-content-type-options", "nosniff");
        if (media.filename() != null) {
            // RFC 6266: an ASCII fallback and the exact name, percent-encoded.
            String ascii = media.filename().replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
            String encoded =
                    URLEncoder.encode(media.filename(), StandardCharsets.UTF_8).replace("+", "%20");
            response.header(
                    HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded);
        }
        return response;
    }
}
