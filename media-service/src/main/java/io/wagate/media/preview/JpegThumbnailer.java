package io.wagate.media.preview;

import io.wagate.media.convert.ImageDecoder;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A link preview's thumbnail: the image scaled to fit {@value #MAX_SIDE} px, flattened on white, as a
 * JPEG of at most {@value #MAX_BYTES} bytes (lowering quality, then size, until it fits).
 */
final class JpegThumbnailer {

    static final int MAX_SIDE = 320;
    static final int MAX_BYTES = 64 * 1024;
    private static final float[] QUALITIES = {0.85f, 0.7f, 0.5f, 0.3f};

    private JpegThumbnailer() {}

    static Optional<byte[]> thumbnail(InputStream image) throws IOException {
        BufferedImage decoded = ImageDecoder.decode(image, 2 * MAX_SIDE);
        for (int side = MAX_SIDE; side >= MAX_SIDE / 4; side /= 2) {
            BufferedImage scaled = flattened(decoded, side);
            for (float quality : QUALITIES) {
                byte[] jpeg = jpeg(scaled, quality);
                if (jpeg.length <= MAX_BYTES) {
                    return Optional.of(jpeg);
                }
            }
        }
        return Optional.empty();
    }

    private static BufferedImage flattened(BufferedImage image, int maxSide) {
        double scale =
                Math.min(1.0, Math.min((double) maxSide / image.getWidth(), (double) maxSide / image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = result.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, width, height);
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            graphics.drawImage(image, 0, 0, width, height, null);
        } finally {
            graphics.dispose();
        }
        return result;
    }

    private static byte[] jpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
