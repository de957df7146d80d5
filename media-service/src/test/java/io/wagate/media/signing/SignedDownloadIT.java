package io.wagate.media.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.media.testing.Fixtures;
import io.wagate.media.testing.Organization;
import io.wagate.media.testing.RunningMediaService.Response;
import io.wagate.media.testing.Testbed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Inbound media downloaded the way a webhook subscriber does: by the signed link, with no API key. */
class SignedDownloadIT {

    private static Testbed testbed;
    private static Organization org;
    private static String mediaId;
    private static byte[] bytes;

    @BeforeAll
    static void start() {
        testbed = Testbed.shared();
        org = testbed.newOrganization();
        bytes = Fixtures.jpeg(40, 40);
        Response stored = testbed.service()
                .postRaw("/internal/v1/media?organization_id=" + org.id() + "&kind=image", "image/jpeg", bytes);
        mediaId = (String) stored.json().get("id");
    }

    @Test
    void aSignedLinkDownloadsWithoutAnApiKey() throws Exception {
        long expires = Instant.now().getEpochSecond() + 86_400;

        Response download = testbed.service().get(link(mediaId, expires, sign(mediaId + "." + expires)), null);

        assertThat(download.status()).as(download.toString()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(bytes);
        assertThat(download.header("content-type")).isEqualTo("image/jpeg");
    }

    @Test
    void aTamperedLinkIsRefused() throws Exception {
        long expires = Instant.now().getEpochSecond() + 86_400;
        String signature = sign(mediaId + "." + expires);
        String otherMedia = (String) testbed.service()
                .upload(org.apiKey(), "x.png", "image/png", Fixtures.png(8, 8))
                .json()
                .get("id");

        Response longerLife = testbed.service().get(link(mediaId, expires + 3600, signature), null);
        Response otherId = testbed.service().get(link(otherMedia, expires, signature), null);
        Response flipped = testbed.service().get(link(mediaId, expires, flip(signature)), null);

        for (Response refused : new Response[] {longerLife, otherId, flipped}) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("invalid_signature");
        }
    }

    @Test
    void anExpiredLinkIsGone() throws Exception {
        long expired = Clock.systemUTC().instant().getEpochSecond() - 60;

        Response download = testbed.service().get(link(mediaId, expired, sign(mediaId + "." + expired)), null);

        assertThat(download.status()).isEqualTo(410);
        assertThat(download.errorCode()).isEqualTo("link_expired");
    }

    @Test
    void withoutASignatureTheApiKeyIsNeeded() {
        Response anonymous = testbed.service().get("/v1/media/" + mediaId + "/content", null);
        Response withKey = testbed.service().get("/v1/media/" + mediaId + "/content", org.apiKey());

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(withKey.status()).isEqualTo(200);
    }

    private static String link(String id, long expires, String signature) {
        return "/v1/media/" + id + "/content?expires=" + expires + "&signature=" + signature;
    }

    /** Signs as webhook-service does, from common.md's definition, without the service's own code. */
    private static String sign(String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Testbed.SIGNING_KEY, "HmacSHA256"));
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private static String flip(String signature) {
        char last = signature.charAt(signature.length() - 1);
        return signature.substring(0, signature.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
