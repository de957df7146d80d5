package io.wagate.media.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.media.format.TypeDetector;
import io.wagate.media.testing.Fixtures;
import io.wagate.media.testing.Organization;
import io.wagate.media.testing.RunningMediaService.Response;
import io.wagate.media.testing.Testbed;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code POST /internal/v1/media/prepare} and inbound storage, against real PostgreSQL and S3. */
class PrepareIT {

    private static Testbed testbed;

    @TempDir
    Path directory;

    @BeforeAll
    static void start() {
        testbed = Testbed.shared();
    }

    @Test
    void base64MediaIsStoredAndItsBytesServed() {
        Organization org = testbed.newOrganization();
        byte[] png = Fixtures.png(120, 80);

        Response prepared =
                prepare(org, "image", Map.of("base64", Base64.getEncoder().encodeToString(png)));

        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(200);
        assertThat(prepared.json())
                .containsEntry("kind", "image")
                .containsEntry("mimetype", "image/png")
                .containsEntry("size", png.length)
                .containsKeys("id", "sha256", "filename");
        assertThat(content(org, prepared).body()).isEqualTo(png);
    }

    @Test
    void aDataUrlWorksLikeBase64() {
        Organization org = testbed.newOrganization();
        byte[] jpeg = Fixtures.jpeg(40, 40);

        Response prepared = prepare(
                org,
                "image",
                Map.of("base64", "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg)));

        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(200);
        assertThat(prepared.json()).containsEntry("mimetype", "image/jpeg");
    }

    @Test
    void mediaIsFetchedFromAUrlTheConfigurationAllows() {
        Organization org = testbed.newOrganization();
        byte[] pdf = Fixtures.pdf(30_000);
        String url = testbed.files().serve("/files/contract.pdf", "application/octet-stream", pdf);

        Response prepared = prepare(org, "document", Map.of("url", url));

        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(200);
        assertThat(prepared.json())
                .containsEntry("kind", "document")
                .containsEntry("mimetype", "application/pdf")
                .containsEntry("filename", "contract.pdf");
        assertThat(content(org, prepared).body()).isEqualTo(pdf);
        assertThat(testbed.leftoverFiles()).isZero();
    }

    @Test
    void anUploadThatFitsTheKindIsUsedAsItIs() {
        Organization org = testbed.newOrganization();
        String uploaded = upload(org, "photo.jpg", Fixtures.jpeg(64, 64));

        Response prepared = prepare(org, "image", Map.of("media_id", uploaded));

        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(200);
        assertThat(prepared.json()).containsEntry("id", uploaded).containsEntry("kind", "image");
    }

    @Test
    void anotherOrganizationsUploadIsNotFound() {
        Organization owner = testbed.newOrganization();
        Organization other = testbed.newOrganization();
        String uploaded = upload(owner, "photo.jpg", Fixtures.jpeg(64, 64));

        Response prepared = prepare(other, "image", Map.of("media_id", uploaded));

        assertThat(prepared.status()).isEqualTo(404);
        assertThat(prepared.errorCode()).isEqualTo("media_not_found");
        Response content = testbed.service()
                .get("/internal/v1/media/" + uploaded + "/content?organization_id=" + other.id(), null);
        assertThat(content.status()).isEqualTo(404);
    }

    static Stream<Arguments> oversizedMediaOfEachKind() {
        return Stream.of(
                Arguments.of("image", Fixtures.png(16, 16)),
                Arguments.of("video", Fixtures.mp4(1024)),
                Arguments.of("audio", Fixtures.mp3(0.2)),
                Arguments.of("voice_note", Fixtures.wav(0.2)),
                Arguments.of("document", Fixtures.pdf(1024)),
                Arguments.of("sticker", Fixtures.webp(16, 16)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oversizedMediaOfEachKind")
    void eachKindHasItsSizeLimit(String kind, byte[] media) {
        Organization org = testbed.newOrganization();
        int limit = Testbed.LIMITS.get(kind).intValue();

        Response atLimit = prepare(org, kind, Map.of("base64", base64(Fixtures.padded(media, limit))));
        Response overLimit = prepare(org, kind, Map.of("base64", base64(Fixtures.padded(media, limit + 1))));

        assertThat(overLimit.status()).as(overLimit.toString()).isEqualTo(413);
        assertThat(overLimit.errorCode()).isEqualTo("media_too_large");
        assertThat(overLimit.errorDetails()).containsEntry("limit_bytes", limit);
        assertThat(atLimit.status()).as("exactly at the limit: " + atLimit).isNotEqualTo(413);
    }

    @Test
    void aUrlDeclaringTooManyBytesIsRefusedBeforeTheyAreRead() {
        Organization org = testbed.newOrganization();
        int limit = Testbed.LIMITS.get("image").intValue();
        String url = testbed.files().serve("/big.png", "image/png", Fixtures.padded(Fixtures.png(8, 8), limit + 10));

        Response prepared = prepare(org, "image", Map.of("url", url));

        assertThat(prepared.status()).isEqualTo(413);
        assertThat(prepared.errorCode()).isEqualTo("media_too_large");
    }

    @Test
    void anUploadLargerThanTheKindAllowsIsTooLargeForIt() {
        Organization org = testbed.newOrganization();
        int imageLimit = Testbed.LIMITS.get("image").intValue();
        String uploaded = upload(org, "big.png", Fixtures.padded(Fixtures.png(8, 8), imageLimit + 1));

        Response asImage = prepare(org, "image", Map.of("media_id", uploaded));
        Response asDocument = prepare(org, "document", Map.of("media_id", uploaded));

        assertThat(asImage.status()).isEqualTo(413);
        assertThat(asDocument.status()).isEqualTo(200);
    }

    static Stream<Arguments> mediaOfTheWrongType() {
        return Stream.of(
                Arguments.of("image", Fixtures.pdf(2000)),
                Arguments.of("image", Fixtures.mp4(2000)),
                Arguments.of("video", Fixtures.png(16, 16)),
                Arguments.of("audio", Fixtures.png(16, 16)),
                Arguments.of("voice_note", Fixtures.pdf(2000)),
                Arguments.of("document", Fixtures.elf()),
                Arguments.of("sticker", Fixtures.pdf(2000)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mediaOfTheWrongType")
    void eachKindRefusesWhatWhatsAppWouldNotTake(String kind, byte[] media) {
        Organization org = testbed.newOrganization();

        Response prepared = prepare(org, kind, Map.of("base64", base64(media), "mimetype", "image/jpeg"));

        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(415);
        assertThat(prepared.errorCode()).isEqualTo("unsupported_media_type");
        assertThat(prepared.errorDetails()).containsEntry("kind", kind).containsKey("detected_mimetype");
    }

    @Test
    void aVoiceNoteBecomesOggOpus() throws Exception {
        Organization org = testbed.newOrganization();

        Response prepared =
                prepare(org, "voice_note", Map.of("base64", base64(Fixtures.wav(1.0)), "filename", "memo.wav"));

        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(200);
        assertThat(prepared.json())
                .containsEntry("mimetype", "audio/ogg; codecs=opus")
                .containsEntry("filename", "memo.ogg");
        byte[] bytes = content(org, prepared).body();
        assertThat(detect(bytes)).isEqualTo("audio/opus");
        assertThat(new String(Arrays.copyOfRange(bytes, 28, 36), StandardCharsets.US_ASCII))
                .isEqualTo("OpusHead");
        assertThat(testbed.leftoverFiles()).isZero();
    }

    @Test
    void anUploadedMp3BecomesANewOpusVoiceNoteAndAnOpusOneIsKept() throws Exception {
        Organization org = testbed.newOrganization();
        String mp3 = upload(org, "song.mp3", Fixtures.mp3(1.0));

        Response converted = prepare(org, "voice_note", Map.of("media_id", mp3));

        assertThat(converted.status()).as(converted.toString()).isEqualTo(200);
        String opus = (String) converted.json().get("id");
        assertThat(opus).isNotEqualTo(mp3);
        assertThat(detect(content(org, converted).body())).isEqualTo("audio/opus");

        Response again = prepare(org, "voice_note", Map.of("media_id", opus));
        assertThat(again.json()).containsEntry("id", opus);
        Response asAudio = prepare(org, "audio", Map.of("media_id", mp3));
        assertThat(asAudio.json()).as("plain audio is not converted").containsEntry("id", mp3);
    }

    @Test
    void aStickerBecomesA512SquareWebP() throws Exception {
        Organization org = testbed.newOrganization();
        String url = testbed.files().serve("/stickers/cat.png", "image/png", Fixtures.png(300, 600));

        Response prepared = prepare(org, "sticker", Map.of("url", url));

        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(200);
        assertThat(prepared.json()).containsEntry("mimetype", "image/webp").containsEntry("filename", "cat.webp");
        byte[] bytes = content(org, prepared).body();
        assertThat(detect(bytes)).isEqualTo("image/webp");
        BufferedImage sticker = ImageIO.read(new ByteArrayInputStream(bytes));
        assertThat(sticker.getWidth()).isEqualTo(512);
        assertThat(sticker.getHeight()).isEqualTo(512);
    }

    @Test
    void anUploadedJpegBecomesASticker() throws Exception {
        Organization org = testbed.newOrganization();
        String jpeg = upload(org, "face.jpg", Fixtures.jpeg(200, 200));

        Response prepared = prepare(org, "sticker", Map.of("media_id", jpeg));

        assertThat(prepared.status()).as(prepared.toString()).isEqualTo(200);
        assertThat(prepared.json().get("id")).isNotEqualTo(jpeg);
        BufferedImage sticker =
                ImageIO.read(new ByteArrayInputStream(content(org, prepared).body()));
        assertThat(sticker.getWidth()).isEqualTo(512);
        assertThat(sticker.getHeight()).isEqualTo(512);
    }

    @Test
    void badRequestsAreValidationErrors() {
        Organization org = testbed.newOrganization();

        Response twoSources = prepare(org, "image", Map.of("media_id", "med_1", "url", "https://x.example/a.png"));
        Response badKind = prepare(org, "gif", Map.of("media_id", "med_1"));
        Response badBase64 = prepare(org, "image", Map.of("base64", "not*base64"));
        Response notJson = testbed.service().postRaw("/internal/v1/media/prepare", "application/json", "{".getBytes());

        assertThat(twoSources.status()).isEqualTo(400);
        assertThat(twoSources.errorCode()).isEqualTo("validation_error");
        assertThat(badKind.errorDetails()).containsEntry("field", "kind");
        assertThat(badBase64.errorDetails()).containsEntry("field", "base64");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.errorCode()).isEqualTo("invalid_json");
    }

    @Test
    void inboundMediaIsStoredAsItCameAndServedToItsOrganization() {
        Organization org = testbed.newOrganization();
        byte[] jpeg = Fixtures.jpeg(50, 50);

        Response stored = testbed.service()
                .postRaw(
                        "/internal/v1/media?organization_id=" + org.id() + "&kind=image&filename=IMG-1.jpg",
                        "image/jpeg",
                        jpeg);

        assertThat(stored.status()).as(stored.toString()).isEqualTo(201);
        assertThat(stored.json())
                .containsEntry("kind", "image")
                .containsEntry("mimetype", "image/jpeg")
                .containsEntry("filename", "IMG-1.jpg")
                .containsEntry("size", jpeg.length);
        Response content = content(org, stored);
        assertThat(content.body()).isEqualTo(jpeg);
        assertThat(content.header("content-type")).isEqualTo("image/jpeg");
        Response withoutOrganization = testbed.service().postRaw("/internal/v1/media?kind=image", "image/jpeg", jpeg);
        assertThat(withoutOrganization.status()).isEqualTo(400);
    }

    private static Response prepare(Organization org, String kind, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("organization_id", org.id());
        body.put("kind", kind);
        return testbed.service().postJson("/internal/v1/media/prepare", body);
    }

    private static Response content(Organization org, Response media) {
        Response content = testbed.service()
                .get("/internal/v1/media/" + media.json().get("id") + "/content?organization_id=" + org.id(), null);
        assertThat(content.status()).as(content.toString()).isEqualTo(200);
        return content;
    }

    private static String upload(Organization org, String filename, byte[] bytes) {
        Response uploaded = testbed.service().upload(org.apiKey(), filename, "application/octet-stream", bytes);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        return (String) uploaded.json().get("id");
    }

    private String detect(byte[] bytes) throws Exception {
        Path file = Files.write(directory.resolve("detect-" + System.nanoTime()), bytes);
        return new TypeDetector().detect(file, null, null);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
