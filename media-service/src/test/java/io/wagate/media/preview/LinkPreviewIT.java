package io.wagate.media.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.media.testing.Fixtures;
import io.wagate.media.testing.RunningMediaService.Response;
import io.wagate.media.testing.Testbed;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /internal/v1/link-preview} against pages served by a local web server. */
class LinkPreviewIT {

    private static Testbed testbed;

    @BeforeAll
    static void start() {
        testbed = Testbed.shared();
    }

    @Test
    void openGraphTitleDescriptionAndImageMakeThePreview() throws Exception {
        testbed.files().serve("/img/cover.png", "image/png", Fixtures.noisyPng(900, 600));
        String page = testbed.files().page("/articles/launch", """
                        <!doctype html><html><head>
                          <title>Fallback title</title>
                          <meta property="og:title" content="wagate launches">
                          <meta property="og:description" content="A self-hosted WhatsApp gateway.">
                          <meta property="og:image" content="/img/cover.png">
                        </head><body><p>Story</p></body></html>
                        """);

        Response preview = testbed.service().postJson("/internal/v1/link-preview", Map.of("url", page));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json())
                .containsEntry("url", page)
                .containsEntry("title", "wagate launches")
                .containsEntry("description", "A self-hosted WhatsApp gateway.");
        byte[] thumbnail = Base64.getDecoder().decode((String) preview.json().get("thumbnail_base64"));
        assertThat(thumbnail.length).isLessThanOrEqualTo(64 * 1024);
        assertThat(thumbnail).startsWith(0xFF, 0xD8, 0xFF); // a JPEG
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(thumbnail));
        assertThat(Math.max(image.getWidth(), image.getHeight())).isLessThanOrEqualTo(320);
        assertThat(image.getWidth()).isGreaterThan(image.getHeight());
    }

    @Test
    void aPageWithoutAnImageHasANullThumbnail() {
        String page = testbed.files().page("/plain", "<html><head><title>Plain page</title></head></html>");

        Response preview = testbed.service().postJson("/internal/v1/link-preview", Map.of("url", page));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json())
                .containsEntry("title", "Plain page")
                .containsEntry("description", null)
                .containsEntry("thumbnail_base64", null);
    }

    @Test
    void somethingThatIsNotAPageHasNoPreview() {
        String pdf = testbed.files().serve("/doc.pdf", "application/pdf", Fixtures.pdf(1000));
        String empty = testbed.files().page("/empty", "<html><body>nothing to show</body></html>");

        Response notAPage = testbed.service().postJson("/internal/v1/link-preview", Map.of("url", pdf));
        Response nothing = testbed.service().postJson("/internal/v1/link-preview", Map.of("url", empty));
        Response missing = testbed.service()
                .postJson(
                        "/internal/v1/link-preview",
                        Map.of("url", testbed.files().url("/gone")));

        for (Response response : new Response[] {notAPage, nothing, missing}) {
            assertThat(response.status()).as(response.toString()).isEqualTo(422);
            assertThat(response.errorCode()).isEqualTo("preview_unavailable");
        }
    }

    @Test
    void aUrlIsRequired() {
        Response preview = testbed.service().postJson("/internal/v1/link-preview", Map.of());

        assertThat(preview.status()).isEqualTo(400);
        assertThat(preview.errorCode()).isEqualTo("validation_error");
    }
}
