package io.wagate.media.preview;

import io.micronaut.core.annotation.Nullable;
import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import io.wagate.media.fetch.FetchedBody;
import io.wagate.media.fetch.GuardedHttpFetcher;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the preview WhatsApp shows under a link: the page's Open Graph title and description, and a
 * small JPEG of its image. The page and the image are fetched through the same SSRF guard as media.
 */
@Singleton
public final class LinkPreviewService {

    private static final Logger LOG = LoggerFactory.getLogger(LinkPreviewService.class);
    /** The tags live in the head; a page's first 512 KB hold them. */
    private static final int MAX_PAGE_BYTES = 512 * 1024;

    private static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;

    private final GuardedHttpFetcher fetcher;

    LinkPreviewService(GuardedHttpFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** @throws ApiException {@code url_not_allowed} or {@code preview_unavailable} */
    public LinkPreview preview(URI url) {
        OpenGraph graph = openGraph(url);
        if (graph.isEmpty()) {
            throw unavailable(url, "the page has no title or description");
        }
        return new LinkPreview(url.toString(), graph.title(), graph.description(), thumbnail(graph.image()));
    }

    private OpenGraph openGraph(URI url) {
        try (FetchedBody page = fetcher.open(url, Long.MAX_VALUE)) {
            String type = page.contentType() == null ? "" : page.contentType().toLowerCase(Locale.ROOT);
            if (!type.isEmpty() && !type.startsWith("text/html") && !type.startsWith("application/xhtml+xml")) {
                throw unavailable(url, "the URL is not a web page (" + page.contentType() + ")");
            }
            byte[] head = page.readAtMost(MAX_PAGE_BYTES);
            Document document = Jsoup.parse(
                    new ByteArrayInputStream(head), charset(type), page.url().toString());
            return OpenGraph.of(document);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.URL_NOT_ALLOWED || e.code() == ErrorCode.PREVIEW_UNAVAILABLE) {
                throw e;
            }
            throw unavailable(url, e.getMessage());
        } catch (IOException e) {
            throw unavailable(url, "reading the page failed: " + e.getMessage());
        }
    }

    /** Best effort: a preview without its picture is still a preview. */
    @Nullable
    private String thumbnail(@Nullable URI image) {
        if (image == null) {
            return null;
        }
        try (FetchedBody body = fetcher.open(image, MAX_IMAGE_BYTES)) {
            byte[] bytes = body.stream().readNBytes((int) MAX_IMAGE_BYTES + 1);
            if (bytes.length > MAX_IMAGE_BYTES) {
                return null;
            }
            return JpegThumbnailer.thumbnail(new ByteArrayInputStream(bytes))
                    .map(Base64.getEncoder()::encodeToString)
                    .orElse(null);
        } catch (ApiException | IOException e) {
            LOG.info("No thumbnail from {}: {}", image, e.getMessage());
            return null;
        }
    }

    @Nullable
    private static String charset(String contentType) {
        int at = contentType.indexOf("charset=");
        if (at < 0) {
            return null; // jsoup reads a BOM or <meta charset>, else UTF-8
        }
        String charset = contentType
                .substring(at + "charset=".length())
                .replace("\"", "")
                .strip();
        int end = charset.indexOf(';');
        charset = end < 0 ? charset : charset.substring(0, end);
        return java.nio.charset.Charset.isSupported(charset) ? charset : null;
    }

    private static ApiException unavailable(URI url, String why) {
        return new ApiException(
                ErrorCode.PREVIEW_UNAVAILABLE, "no link preview: " + why, Map.of("url", url.toString()));
    }
}
