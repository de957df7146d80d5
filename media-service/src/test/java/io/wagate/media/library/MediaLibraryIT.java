package io.wagate.media.library;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.media.testing.Fixtures;
import io.wagate.media.testing.Organization;
import io.wagate.media.testing.RunningMediaService.Response;
import io.wagate.media.testing.Testbed;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /v1/media} as a client with an API key uses it, against real PostgreSQL and S3. */
class MediaLibraryIT {

    private static Testbed testbed;

    @BeforeAll
    static void start() {
        testbed = Testbed.shared();
    }

    @Test
    void anUploadCanBeReadBackAndDownloadedByteForByte() throws Exception {
        Organization org = testbed.newOrganization();
        byte[] pdf = Fixtures.pdf(20_000);

        Response created = testbed.service().upload(org.apiKey(), "report.pdf", "application/pdf", pdf);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Map<String, Object> media = created.json();
        String id = (String) media.get("id");
        assertThat(id).startsWith("med_");
        assertThat(media)
                .containsEntry("mimetype", "application/pdf")
                .containsEntry("size", 20_000)
                .containsEntry("sha256", sha256(pdf))
                .containsEntry("filename", "report.pdf")
                .containsKey("created_at");

        Response fetched = testbed.service().get("/v1/media/" + id, org.apiKey());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json()).isEqualTo(media);

        Response content = testbed.service().get("/v1/media/" + id + "/content", org.apiKey());
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(pdf);
        assertThat(content.header("content-type")).isEqualTo("application/pdf");
        assertThat(content.header("content-length")).isEqualTo("20000");
        assertThat(content.header("content-disposition")).contains("report.pdf");
        assertThat(testbed.leftoverFiles()).as("temporary files are cleaned up").isZero();
    }

    @Test
    void theTypeComesFromTheBytesNotFromWhatTheClientSays() {
        Organization org = testbed.newOrganization();

        Response created = testbed.service().upload(org.apiKey(), "photo.jpg", "image/jpeg", Fixtures.png(64, 64));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json()).containsEntry("mimetype", "image/png");
    }

    @Test
    void anExecutableIsNoMediaWhateverItsName() {
        Organization org = testbed.newOrganization();

        Response refused = testbed.service().upload(org.apiKey(), "song.mp3", "audio/mpeg", Fixtures.elf());

        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.errorCode()).isEqualTo("unsupported_media_type");
    }

    @Test
    void anUploadOverTheLimitIsRefused() {
        Organization org = testbed.newOrganization();
        int limit = Testbed.LIMITS.get("upload").intValue();

        Response refused =
                testbed.service().upload(org.apiKey(), "big.pdf", "application/pdf", Fixtures.pdf(limit + 1));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.errorCode()).isEqualTo("media_too_large");
        assertThat(refused.errorDetails()).containsEntry("limit_bytes", limit);
        assertThat(testbed.leftoverFiles()).isZero();
    }

    @Test
    void anotherOrganizationsMediaDoesNotExistForYou() {
        Organization owner = testbed.newOrganization();
        Organization other = testbed.newOrganization();
        String id = (String) testbed.service()
                .upload(owner.apiKey(), "a.png", "image/png", Fixtures.png(32, 32))
                .json()
                .get("id");

        for (Response response : new Response[] {
            testbed.service().get("/v1/media/" + id, other.apiKey()),
            testbed.service().get("/v1/media/" + id + "/content", other.apiKey()),
            testbed.service().delete("/v1/media/" + id, other.apiKey())
        }) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.errorCode()).isEqualTo("media_not_found");
        }
        assertThat(testbed.service().get("/v1/media/" + id, owner.apiKey()).status())
                .as("the owner still has it")
                .isEqualTo(200);
    }

    @Test
    void deletedMediaIsGoneWithItsBytes() {
        Organization org = testbed.newOrganization();
        String id = (String) testbed.service()
                .upload(org.apiKey(), "a.png", "image/png", Fixtures.png(32, 32))
                .json()
                .get("id");

        assertThat(testbed.service().delete("/v1/media/" + id, org.apiKey()).status())
                .isEqualTo(204);

        assertThat(testbed.service().get("/v1/media/" + id, org.apiKey()).status())
                .isEqualTo(404);
        assertThat(testbed.service()
                        .get("/v1/media/" + id + "/content", org.apiKey())
                        .status())
                .isEqualTo(404);
        assertThat(testbed.service().delete("/v1/media/" + id, org.apiKey()).status())
                .isEqualTo(404);
    }

    @Test
    void everyCallNeedsAKnownApiKey() {
        Response anonymous = testbed.service().get("/v1/media/med_01J000000000000000000000", null);
        Response unknown = testbed.service().upload("wag_nobody", "a.png", "image/png", Fixtures.png(8, 8));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("unauthorized");
        assertThat(unknown.status()).isEqualTo(401);
    }

    @Test
    void anUploadNeedsAFilePartWithBytesInIt() {
        Organization org = testbed.newOrganization();

        Response wrongPart =
                testbed.service().uploadPart(org.apiKey(), "attachment", "a.png", "image/png", Fixtures.png(8, 8));
        Response empty = testbed.service().upload(org.apiKey(), "a.png", "image/png", new byte[0]);

        assertThat(wrongPart.status()).as(wrongPart.toString()).isEqualTo(400);
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        assertThat(empty.errorCode()).isEqualTo("validation_error");
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
