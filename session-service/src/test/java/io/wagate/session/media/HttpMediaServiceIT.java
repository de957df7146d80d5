package io.wagate.session.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.serde.ObjectMapper;
import io.wagate.session.testing.MediaServiceContractStub;
import io.wagate.session.transport.MediaKind;
import io.wagate.session.transport.OutboundMessage.LinkPreview;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The media-service client over real HTTP, against the contract stub of media-service's internal endpoints. */
class HttpMediaServiceIT {

    private static final byte[] PNG = "\u0089PNG fake but declared".getBytes(StandardCharsets.ISO_8859_1);

    private final MediaServiceContractStub stub = MediaServiceContractStub.start();
    private final HttpMediaService media = client(stub.url());

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void anUploadIsPreparedAndItsBytesStreamBack() throws IOException {
        String upload = stub.upload("org_1", "image/png", PNG, "photo.png");

        StoredMedia prepared = media.prepare("org_1", MediaKind.IMAGE, upload, null, null);

        assertThat(prepared.id()).isNotEqualTo(upload).startsWith("med_");
        assertThat(prepared.kind()).isEqualTo("image");
        assertThat(prepared.mimetype()).isEqualTo("image/png");
        assertThat(prepared.size()).isEqualTo(PNG.length);
        assertThat(prepared.sha256()).isEqualTo(MediaServiceContractStub.sha256(PNG));
        assertThat(prepared.filename()).isEqualTo("photo.png");
        try (InputStream bytes = media.content("org_1", prepared.id())) {
            assertThat(bytes.readAllBytes()).isEqualTo(PNG);
        }
    }

    @Test
    void aUrlIsFetchedByMediaServiceAsTheKindAsksAndAVoiceNoteKeepsItsKind() {
        stub.serves("https://example.com/note.ogg", "audio/ogg", new byte[] {1, 2, 3});

        StoredMedia prepared =
                media.prepare("org_1", MediaKind.VOICE_NOTE, null, "https://example.com/note.ogg", "note.ogg");

        assertThat(prepared.kind()).isEqualTo("voice_note");
        assertThat(prepared.filename()).isEqualTo("note.ogg");
    }

    @Test
    void refusalsCarryMediaServicesCodes() {
        stub.serves("https://example.com/big.png", "image/png", new byte[(5 << 20) + 1]);
        stub.serves("https://example.com/doc.pdf", "application/pdf", new byte[] {1});
        stub.refuses("https://example.com/gone.png", 422, "media_fetch_failed");

        assertThat(refusal(() -> media.prepare("org_1", MediaKind.IMAGE, null, "https://example.com/big.png", null)))
                .isEqualTo("media_too_large");
        assertThat(refusal(() -> media.prepare("org_1", MediaKind.IMAGE, null, "https://example.com/doc.pdf", null)))
                .isEqualTo("unsupported_media_type");
        assertThat(refusal(() -> media.prepare("org_1", MediaKind.IMAGE, null, "http://127.0.0.1/a.png", null)))
                .isEqualTo("url_not_allowed");
        assertThat(refusal(() -> media.prepare("org_1", MediaKind.IMAGE, null, "https://example.com/gone.png", null)))
                .isEqualTo("media_fetch_failed");
        assertThat(refusal(() -> media.prepare("org_1", MediaKind.IMAGE, "med_unknown", null, null)))
                .isEqualTo("media_not_found");
        String otherOrganizations = stub.upload("org_2", "image/png", PNG, null);
        assertThat(refusal(() -> media.prepare("org_1", MediaKind.IMAGE, otherOrganizations, null, null)))
                .isEqualTo("media_not_found");
    }

    @Test
    void inboundMediaIsStreamedToMediaServiceAndDescribed() {
        StoredMedia stored = media.store(
                "org_1",
                MediaKind.DOCUMENT,
                "report final.pdf",
                "application/pdf",
                () -> new ByteArrayInputStream(PNG));

        MediaServiceContractStub.Stored kept = stub.stored(stored.id());
        assertThat(kept.bytes()).isEqualTo(PNG);
        assertThat(kept.kind()).isEqualTo("document");
        assertThat(kept.mimetype()).isEqualTo("application/pdf");
        assertThat(kept.filename()).isEqualTo("report final.pdf");
        assertThat(kept.organizationId()).isEqualTo("org_1");
        assertThat(stored.sha256()).isEqualTo(MediaServiceContractStub.sha256(PNG));
    }

    @Test
    void aLinkPreviewComesWithItsThumbnailOrNotAtAll() {
        stub.previews("https://wagate.io", "wagate", "WhatsApp gateway", new byte[] {(byte) 0xFF, (byte) 0xD8});

        LinkPreview preview = media.linkPreview("https://wagate.io").orElseThrow();

        assertThat(preview.title()).isEqualTo("wagate");
        assertThat(preview.description()).isEqualTo("WhatsApp gateway");
        assertThat(preview.thumbnailJpeg()).containsExactly(0xFF, 0xD8);
        assertThat(media.linkPreview("https://no-card.test")).isEmpty();
    }

    @Test
    void aMediaServiceThatIsDownOrBrokenIsUnavailableNotARefusal() throws IOException {
        HttpServer broken = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        broken.createContext("/", exchange -> {
            exchange.sendResponseHeaders(502, -1);
            exchange.close();
        });
        broken.start();
        try {
            HttpMediaService behindABrokenProxy =
                    client(URI.create("http://127.0.0.1:" + broken.getAddress().getPort()));
            assertThatThrownBy(() -> behindABrokenProxy.prepare("org_1", MediaKind.IMAGE, "med_1", null, null))
                    .isInstanceOf(MediaServiceUnavailableException.class);
            assertThat(behindABrokenProxy.linkPreview("https://wagate.io")).isEmpty();
        } finally {
            broken.stop(0);
        }
        stub.close();
        assertThatThrownBy(() -> media.prepare("org_1", MediaKind.IMAGE, "med_1", null, null))
                .isInstanceOf(MediaServiceUnavailableException.class);
        assertThatThrownBy(() ->
                        media.store("org_1", MediaKind.IMAGE, null, "image/png", () -> new ByteArrayInputStream(PNG)))
                .isInstanceOf(MediaServiceUnavailableException.class);
    }

    @Test
    void contentThatIsNotThereFailsToOpen() {
        assertThatThrownBy(() -> media.content("org_1", "med_missing")).isInstanceOf(IOException.class);
    }

    private static HttpMediaService client(URI url) {
        return new HttpMediaService(
                new MediaServiceSettings(url, Duration.ofSeconds(2), Duration.ofSeconds(5)), ObjectMapper.getDefault());
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
        } catch (MediaRefusedException e) {
            return e.code();
        }
        throw new AssertionError("media-service did not refuse");
    }
}
