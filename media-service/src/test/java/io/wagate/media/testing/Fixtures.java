package io.wagate.media.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import ws.schild.jave.Encoder;
import ws.schild.jave.MultimediaObject;
import ws.schild.jave.encode.AudioAttributes;
import ws.schild.jave.encode.EncodingAttributes;

/** Real media made on the spot: images drawn with AWT, audio synthesised and encoded by ffmpeg. */
public final class Fixtures {

    private Fixtures() {}

    /** A red disc on a transparent background. */
    public static BufferedImage drawing(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(200, 30, 30));
        graphics.fillOval(width / 10, height / 10, width * 8 / 10, height * 8 / 10);
        graphics.setColor(Color.BLUE);
        graphics.drawString("wagate", width / 3, height / 2);
        graphics.dispose();
        return image;
    }

    public static byte[] png(int width, int height) {
        return encode(drawing(width, height), "png");
    }

    public static byte[] jpeg(int width, int height) {
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = rgb.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        graphics.drawImage(drawing(width, height), 0, 0, null);
        graphics.dispose();
        return encode(rgb, "jpeg");
    }

    public static byte[] webp(int width, int height) {
        return encode(drawing(width, height), "webp");
    }

    /** Pixels of random colours: images that compress badly, to make big files from few pixels. */
    public static byte[] noisyPng(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        return encode(image, "png");
    }

    /** A 440 Hz tone, 16 kHz mono PCM in a WAV container. */
    public static byte[] wav(double seconds) {
        int rate = 16_000;
        int samples = (int) (rate * seconds);
        byte[] pcm = new byte[samples * 2];
        for (int i = 0; i < samples; i++) {
            short sample = (short) (Math.sin(2 * Math.PI * 440 * i / rate) * 8000);
            pcm[2 * i] = (byte) sample;
            pcm[2 * i + 1] = (byte) (sample >> 8);
        }
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            AudioSystem.write(
                    new AudioInputStream(new ByteArrayInputStream(pcm), format, samples),
                    AudioFileFormat.Type.WAVE,
                    out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The tone as an MP3 (libmp3lame, through the same ffmpeg the service uses). */
    public static byte[] mp3(double seconds) {
        AudioAttributes audio = new AudioAttributes()
                .setCodec("libmp3lame")
                .setBitRate(64_000)
                .setChannels(1)
                .setSamplingRate(44_100);
        return ffmpeg(
                wav(seconds), new EncodingAttributes().setOutputFormat("mp3").setAudioAttributes(audio));
    }

    /** The tone as Ogg/Vorbis: an Ogg that is not a voice note yet. */
    public static byte[] oggVorbis(double seconds) {
        AudioAttributes audio =
                new AudioAttributes().setCodec("libvorbis").setChannels(1).setSamplingRate(44_100);
        return ffmpeg(
                wav(seconds), new EncodingAttributes().setOutputFormat("ogg").setAudioAttributes(audio));
    }

    /** An MP4 as far as type detection goes: an ISO base media file type box, then filler. */
    public static byte[] mp4(int size) {
        byte[] bytes = new byte[size];
        byte[] ftyp = {
            0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p', '4', '2'
        };
        System.arraycopy(ftyp, 0, bytes, 0, ftyp.length);
        byte[] mdat = {0, 0, 0, 8, 'm', 'd', 'a', 't'};
        System.arraycopy(mdat, 0, bytes, ftyp.length, mdat.length);
        return bytes;
    }

    public static byte[] pdf(int size) {
        byte[] head =
                "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[Math.max(size, head.length + tail.length)];
        Arrays.fill(bytes, (byte) ' ');
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(tail, 0, bytes, bytes.length - tail.length, tail.length);
        return bytes;
    }

    /** A Linux executable's header: what no kind of media may be. */
    public static byte[] elf() {
        byte[] bytes = new byte[4096];
        byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0, 1, 0, 0, 0};
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    /** {@code bytes} followed by zeros up to {@code size}: same type, bigger file. */
    public static byte[] padded(byte[] bytes, int size) {
        return Arrays.copyOf(bytes, size);
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] ffmpeg(byte[] input, EncodingAttributes attributes) {
        try {
            Path source = Files.createTempFile("fixture", ".wav");
            Path target = Files.createTempFile("fixture", ".out");
            try {
                Files.write(source, input);
                new Encoder().encode(new MultimediaObject(source.toFile()), target.toFile(), attributes);
                return Files.readAllBytes(target);
            } finally {
                Files.deleteIfExists(source);
                Files.deleteIfExists(target);
            }
        } catch (Exception e) {
            throw new IllegalStateException("ffmpeg could not make the fixture", e);
        }
    }
}
