package io.wagate.media.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class OpenGraphTest {

    @Test
    void openGraphTagsWinAndRelativeImagesAreResolved() {
        OpenGraph graph = OpenGraph.of(Jsoup.parse("""
                <html><head>
                  <title>Page title</title>
                  <meta name="description" content="Meta description">
                  <meta property="og:title" content=" The OG title ">
                  <meta property="og:description" content="The OG description">
                  <meta property="og:image" content="/img/cover.png">
                </head><body>…</body></html>
                """, "https://news.example/articles/1"));

        assertThat(graph.title()).isEqualTo("The OG title");
        assertThat(graph.description()).isEqualTo("The OG description");
        assertThat(graph.image()).isEqualTo(URI.create("https://news.example/img/cover.png"));
    }

    @Test
    void withoutOpenGraphThePageTitleAndDescriptionServe() {
        OpenGraph graph = OpenGraph.of(Jsoup.parse("""
                <html><head><title>Just a page</title>
                <meta name="description" content="Described plainly"></head></html>
                """, "https://plain.example/"));

        assertThat(graph.title()).isEqualTo("Just a page");
        assertThat(graph.description()).isEqualTo("Described plainly");
        assertThat(graph.image()).isNull();
    }

    @Test
    void twitterCardsAndNameSpelledOpenGraphCountToo() {
        OpenGraph graph = OpenGraph.of(Jsoup.parse("""
                <html><head>
                  <meta name="og:title" content="Spelled with name=">
                  <meta name="twitter:description" content="From the card">
                  <meta name="twitter:image" content="https://img.example/card.jpg">
                </head></html>
                """, "https://card.example/"));

        assertThat(graph.title()).isEqualTo("Spelled with name=");
        assertThat(graph.description()).isEqualTo("From the card");
        assertThat(graph.image()).isEqualTo(URI.create("https://img.example/card.jpg"));
    }

    @Test
    void aPageWithNothingToShowIsEmpty() {
        assertThat(OpenGraph.of(Jsoup.parse("<html><body>hi</body></html>", "https://x.example/"))
                        .isEmpty())
                .isTrue();
    }
}
