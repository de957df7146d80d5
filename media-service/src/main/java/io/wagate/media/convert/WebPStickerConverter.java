package io.wagate.media.convert;

import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import jakarta.inject.Singleton;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Makes a WhatsApp sticker: a 512×512 WebP of at most 100 KB (500 KB when animated). A PNG, JPEG or
 * WebP of another size is scaled to fit inside 512×512, keeping its proportions, centred on a
 * transparent square, and encoded by libwebp (webp-imageio), lowering the quality until it fits.
 *
 * <p>An animated WebP is kept as it is when it already is a sticker; otherwise it is refused, because
 * neither ImageIO nor the bundled ffmpeg can decode WebP animation, and keeping only its first frame
 * would silently send something else.
 */
@Singleton
public final class WebPStickerConverter {

    public static final int SIDE = 512;
    public static final long MAX_STATIC_BYTES = 100 * 1024;
    public static final long MAX_ANIMATED_BYTES = 500 * 1024;

    private static final float[] QUALITIES = {0.85f, 0.7f, 0.5f, 0.3f, 0.1f};

    public Conversion convert(Path source, String detectedType, Path target) throws IOException {
        long size = Files.size(source);
        if (detectedType.equals("image/webp")) {
            WebPHeader header = WebPHeader.read(source);
            boolean isSquare512 = header.width() == SIDE && header.height() == SIDE;
            if (header.animated()) {
                if (!isSquare512 || size > MAX_ANIMATED_BYTES) {
                    throw new ApiException(
                            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                            "an animated sticker must already be a 512×512 WebP of at most 500 KB; this one is "
                                    + header.width() + "×" + header.height() + ", " + size + " bytes",
                            Map.of("width", header.width(), "height", header.height(), "size", size));
                }
                return new Conversion.Unchanged();
            }
            if (isSquare512 && size <= MAX_STATIC_BYTES) {
                return new Conversion.Unchanged();
            }
        }
        BufferedImage image;
        try (InputStream in = Files.newInputStream(source)) {
            image = ImageDecoder.decode(in, 4 * SIDE);
        }
        encodeWithin(fitted(image), target);
        return new Conversion.Converted(target, "image/webp");
    }

    /** The image scaled to fit inside the square, centred, the rest transparent. */
    static BufferedImage fitted(BufferedImage image) {
        double scale = Math.min((double) SIDE / image.getWidth(), (double) SIDE / image.getHeight());
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage square = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = square.createGraphics();
        try {
            graphics.setComposite(AlphaComposite.Src);
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            graphics.drawImage(image, (SIDE - width) / 2, (SIDE - height) / 2, width, height, null);
        } finally {
            graphics.dispose();
        }
        return square;
    }

    private static void encodeWithin(BufferedImage sticker, Path target) throws IOException {
        for (float quality : QUALITIES) {
            encode(sticker, quality, target);
            if (Files.size(target) <= MAX_STATIC_BYTES) {
                return;
            }
        }
        throw new ApiException(
                ErrorCode.MEDIA_TOO_LARGE,
                "the sticker does not fit in WhatsApp's 100 KB even at the lowest quality",
                Map.of("limit_bytes", MAX_STATIC_BYTES));
    }

    private static void encode(BufferedImage image, float quality, Path target) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByMIMEType("image/webp").next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(Files.newOutputStream(target))) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType("Lossy");
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
