package io.wagate.media.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.media.testing.Fixtures;
import io.wagate.media.testing.Organization;
import io.wagate.media.testing.RunningMediaService.Response;
import io.wagate.media.testing.Testbed;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * URLs of the gateway's own network are refused for media and link previews alike, before any
 * connection is made; only the file server the configuration allows (127.0.0.2) is fetched from. The
 * same check applies to each redirect.
 */
class SsrfIT {

    private static Testbed testbed;

    @BeforeAll
    static void start() {
        testbed = Testbed.shared();
    }

    static Stream<String> internalUrls() {
        int port = testbed.service().baseUrl().getPort();
        return Stream.of(
                "http://127.0.0.1:" + port + "/health",
                "http://10.0.0.1/a.png",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::1]:" + port + "/health",
                "http://localhost:" + port + "/health",
                testbed.files().redirect("/hop", "http://127.0.0.1:" + port + "/health"));
    }

    @ParameterizedTest
    @MethodSource("internalUrls")
    void mediaIsNotFetchedFromTheInternalNetwork(String url) {
        Organization org = testbed.newOrganization();

        Response prepared = testbed.service()
                .postJson(
                        "/internal/v1/media/prepare", Map.of("organization_id", org.id(), "kind", "image", "url", url));

        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(400);
        assertThat(prepared.errorCode()).isEqualTo("url_not_allowed");
    }

    @ParameterizedTest
    @MethodSource("internalUrls")
    void linkPreviewsAreNotFetchedFromTheInternalNetwork(String url) {
        Response preview = testbed.service().postJson("/internal/v1/link-preview", Map.of("url", url));

        assertThat(preview.status()).as(preview.toString()).isEqualTo(400);
        assertThat(preview.errorCode()).isEqualTo("url_not_allowed");
    }

    @Test
    void aRedirectWithinTheAllowedServerIsFollowed() {
        Organization org = testbed.newOrganization();
        String target = testbed.files().serve("/real.png", "image/png", Fixtures.png(16, 16));
        String first = testbed.files().redirect("/moved-once", target);
        String second = testbed.files().redirect("/moved-twice", first);

        Response prepared = testbed.service()
                .postJson(
                        "/internal/v1/media/prepare",
                        Map.of("organization_id", org.id(), "kind", "image", "url", second));

        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(200);
        assertThat(prepared.json()).containsEntry("filename", "real.png");
    }

    @Test
    void moreThanFiveRedirectsAreNotFollowed() {
        Organization org = testbed.newOrganization();
        String next = testbed.files().serve("/end.png", "image/png", Fixtures.png(16, 16));
        for (int hop = 6; hop >= 1; hop--) {
            next = testbed.files().redirect("/loop-" + hop, next);
        }

        Response prepared = testbed.service()
                .postJson(
                        "/internal/v1/media/prepare",
                        Map.of("organization_id", org.id(), "kind", "image", "url", next));

        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(422);
        assertThat(prepared.errorCode()).isEqualTo("media_fetch_failed");
    }

    @Test
    void aMissingFileIsAFetchFailure() {
        Organization org = testbed.newOrganization();

        Response prepared = testbed.service()
                .postJson(
                        "/internal/v1/media/prepare",
                        Map.of(
                                "organization_id",
                                org.id(),
                                "kind",
                                "image",
                                "url",
                                testbed.files().url("/nothing.png")));

        assertThat(prepared.status()).isEqualTo(422);
        assertThat(prepared.errorCode()).isEqualTo("media_fetch_failed");
        assertThat(prepared.errorDetails()).containsEntry("status", 404);
    }

    @Test
    void aUrlThatIsNotHttpIsNotAllowed() {
        Organization org = testbed.newOrganization();

        Response prepared = testbed.service()
                .postJson(
                        "/internal/v1/media/prepare",
                        Map.of("organization_id", org.id(), "kind", "document", "url", "file:///etc/passwd"));

        assertThat(prepared.status()).isEqualTo(400);
        assertThat(prepared.errorCode()).isEqualTo("url_not_allowed");
    }
}
