package io.wagate.media.preview;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The Open Graph tags of a page (ogp.me), with the usual fallbacks: Twitter cards, then the page's
 * own {@code <title>} and meta description.
 */
record OpenGraph(
        @Nullable String title,
        @Nullable String description,
        @Nullable URI image) {

    private static final int MAX_TITLE = 300;
    private static final int MAX_DESCRIPTION = 1000;

    static OpenGraph of(Document page) {
        String title = first(
                        meta(page, "property", "og:title"),
                        meta(page, "name", "twitter:title"),
                        Optional.of(page.title()))
                .map(value -> cut(value, MAX_TITLE))
                .orElse(null);
        String description = first(
                        meta(page, "property", "og:description"),
                        meta(page, "name", "twitter:description"),
                        meta(page, "name", "description"))
                .map(value -> cut(value, MAX_DESCRIPTION))
                .orElse(null);
        URI image = first(
                        absolute(page, "property", "og:image:secure_url"),
                        absolute(page, "property", "og:image"),
                        absolute(page, "property", "og:image:url"),
                        absolute(page, "name", "twitter:image"))
                .flatMap(OpenGraph::uri)
                .orElse(null);
        return new OpenGraph(title, description, image);
    }

    boolean isEmpty() {
        return title == null && description == null;
    }

    @SafeVarargs
    private static Optional<String> first(Optional<String>... candidates) {
        return Stream.of(candidates)
                .flatMap(Optional::stream)
                .map(String::strip)
                .filter(value -> !value.isEmpty())
                .findFirst();
    }

    private static Optional<String> meta(Document page, String attribute, String name) {
        // Pages mix property= and name= for the same tags; accept either spelling.
        return Stream.of(attribute, attribute.equals("property") ? "name" : "property")
                .map(key -> page.selectFirst("meta[" + key + "=" + name + "][content]"))
                .filter(element -> element != null)
                .map(element -> element.attr("content"))
                .findFirst();
    }

    private static Optional<String> absolute(Document page, String attribute, String name) {
        return Stream.of(attribute, attribute.equals("property") ? "name" : "property")
                .map(key -> page.selectFirst("meta[" + key + "=" + name + "][content]"))
                .filter(element -> element != null)
                .map((Element element) -> element.absUrl("content"))
                .filter(url -> !url.isEmpty())
                .findFirst();
    }

    private static Optional<URI> uri(String value) {
        try {
            return Optional.of(URI.create(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
