package io.wagate.media.convert;

import com.luciad.imageio.webp.WebPReadParam;
import io.wagate.media.error.ApiException;
import io.wagate.media.error.ErrorCode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image no larger than needed: a photo of 8000×6000 px is read subsampled (or, for WebP,
 * scaled by libwebp while decoding), so a small file of huge dimensions cannot exhaust the heap.
 */
public final class ImageDecoder {

    /** Past this many pixels an image is refused rather than decoded, subsampled or not. */
    private static final long MAX_SOURCE_PIXELS = 100_000_000L;

    private ImageDecoder() {}

    /**
     * The first frame of the image, with neither side much above {@code maxSide} pixels.
     *
     * @throws ApiException {@code unsupported_media_type} when no decoder reads it
     */
    public static BufferedImage decode(InputStream bytes, int maxSide) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(bytes)) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw unreadable("no decoder recognises the image");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || (long) width * height > MAX_SOURCE_PIXELS) {
                    throw unreadable("the image is " + width + "×" + height + " pixels, too many to decode");
                }
                BufferedImage image = reader.read(0, shrinking(reader, width, height, maxSide));
                if (image == null) {
                    throw unreadable("the image has no pixels");
                }
                return image;
            } catch (IOException | RuntimeException e) {
                if (e instanceof ApiException api) {
                    throw api;
                }
                throw unreadable("the image cannot be decoded (" + e.getMessage() + ")");
            } finally {
                reader.dispose();
            }
        }
    }

    private static ImageReadParam shrinking(ImageReader reader, int width, int height, int maxSide) {
        ImageReadParam param = reader.getDefaultReadParam();
        int longest = Math.max(width, height);
        if (longest <= maxSide) {
            return param;
        }
        if (param instanceof WebPReadParam webp) {
            double scale = (double) maxSide / longest;
            webp.setUseScaling(true);
            webp.setScaledWidth(Math.max(1, (int) Math.round(width * scale)));
            webp.setScaledHeight(Math.max(1, (int) Math.round(height * scale)));
            return webp;
        }
        int step = (longest + maxSide - 1) / maxSide;
        param.setSourceSubsampling(step, step, 0, 0);
        return param;
    }

    private static ApiException unreadable(String why) {
        return new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, why);
    }
}
