package io.wagate.media.convert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import io.wagate.media.testing.Fixtures;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebPStickerConverterTest {

    private final WebPStickerConverter converter = new WebPStickerConverter();

    @TempDir
    Path directory;

    @Test
    void aPngBecomesA512SquareWebPKeepingItsProportions() throws IOException {
        Path source = Files.write(directory.resolve("in.png"), Fixtures.png(800, 400));
        Path target = directory.resolve("out.webp");

        Conversion conversion = converter.convert(source, "image/png", target);

        assertThat(conversion).isEqualTo(new Conversion.Converted(target, "image/webp"));
        assertThat(Files.size(target)).isLessThanOrEqualTo(WebPStickerConverter.MAX_STATIC_BYTES);
        BufferedImage sticker = ImageIO.read(target.toFile());
        assertThat(sticker.getWidth()).isEqualTo(512);
        assertThat(sticker.getHeight()).isEqualTo(512);
        // 800×400 fits as 512×256, centred: the bands above and below stay transparent.
        assertThat(sticker.getRGB(256, 10) >>> 24).isZero();
        assertThat(sticker.getRGB(256, 256) >>> 24).isEqualTo(0xFF);
    }

    @Test
    void aNoisyPhotoIsCompressedUntilItFits() throws IOException {
        Path source = Files.write(directory.resolve("noise.png"), Fixtures.noisyPng(700, 700));
        Path target = directory.resolve("out.webp");

        converter.convert(source, "image/png", target);

        assertThat(Files.size(target)).isLessThanOrEqualTo(WebPStickerConverter.MAX_STATIC_BYTES);
    }

    @Test
    void aStickerThatAlreadyFitsIsKeptAsItIs() throws IOException {
        Path source = Files.write(directory.resolve("in.webp"), Fixtures.webp(512, 512));

        assertThat(converter.convert(source, "image/webp", directory.resolve("out.webp")))
                .isEqualTo(new Conversion.Unchanged());
    }

    @Test
    void anAnimatedStickerIsKeptWhenItIsAlready512Square() throws IOException {
        Path source = Files.write(directory.resolve("anim.webp"), animatedWebPHeader(512, 512));

        assertThat(converter.convert(source, "image/webp", directory.resolve("out.webp")))
                .isEqualTo(new Conversion.Unchanged());
    }

    @Test
    void anAnimatedWebPOfAnotherSizeIsRefusedRatherThanFlattened() throws IOException {
        Path source = Files.write(directory.resolve("anim.webp"), animatedWebPHeader(640, 480));

        assertThatThrownBy(() -> converter.convert(source, "image/webp", directory.resolve("out.webp")))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).code()).isEqualTo(ErrorCode.UNSUPPORTED_MEDIA_TYPE))
                .hasMessageContaining("640×480");
    }

    @Test
    void theHeaderOfEachWebPFlavourGivesItsSize() {
        byte[] lossy = Fixtures.webp(300, 200);

        assertThat(WebPHeader.parse(java.util.Arrays.copyOf(lossy, 30)))
                .extracting(WebPHeader::width, WebPHeader::height, WebPHeader::animated)
                .containsExactly(300, 200, false);
        assertThat(WebPHeader.parse(animatedWebPHeader(512, 512)))
                .extracting(WebPHeader::width, WebPHeader::height, WebPHeader::animated)
                .containsExactly(512, 512, true);
    }

    /** The start of an animated WebP: RIFF, a VP8X chunk with the animation flag, an ANIM chunk. */
    static byte[] animatedWebPHeader(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {40, 0, 0, 0});
        out.writeBytes("WEBPVP8X".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {10, 0, 0, 0});
        out.writeBytes(new byte[] {0x12, 0, 0, 0}); // alpha and animation flags, reserved
        out.writeBytes(uint24(width - 1));
        out.writeBytes(uint24(height - 1));
        out.writeBytes("ANIM".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {6, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        return out.toByteArray();
    }

    private static byte[] uint24(int value) {
        return new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }
}
