package io.wagate.devstack;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * Small real files to send: images drawn on the spot, a one-page PDF, and a one-second H.264 MP4 and
 * MP3 tone kept under {@code src/test/resources/media/} (made once with ffmpeg, a few KB each).
 */
final class MediaFixtures {

    private MediaFixtures() {}

    static byte[] png() {
        return encode(drawing(BufferedImage.TYPE_INT_ARGB), "png");
    }

    static byte[] jpeg() {
        return encode(drawing(BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    static byte[] pdf() {
        return """
                %PDF-1.4
                1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
                2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
                3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
                trailer << /Root 1 0 R >>
                %%EOF
                """.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] mp4() {
        return resource("clip.mp4");
    }

    static byte[] mp3() {
        return resource("tone.mp3");
    }

    /** A red disc on white (or transparent) ground. */
    private static BufferedImage drawing(int imageType) {
        var image = new BufferedImage(64, 64, imageType);
        Graphics2D graphics = image.createGraphics();
        if (imageType == BufferedImage.TYPE_INT_RGB) {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, 64, 64);
        }
        graphics.setColor(new Color(200, 30, 30));
        graphics.fillOval(8, 8, 48, 48);
        graphics.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] resource(String name) {
        try (InputStream in = MediaFixtures.class.getResourceAsStream("/media/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource media/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
