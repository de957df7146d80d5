package io.wagate.session.transport.simulator;

import io.wagate.session.transport.MediaFile;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Media as the simulated WhatsApp servers received it: a send streams the file once, as a real
 * upload does, keeping its size, SHA-256 and first bytes (never the whole file).
 */
public record SimulatedUpload(String mimetype, long size, String sha256, byte[] head) {

    private static final int HEAD = 64;

    static SimulatedUpload of(MediaFile file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] head = new byte[HEAD];
        int headLength = 0;
        long size = 0;
        try (InputStream in = new DigestInputStream(file.source().open(), digest)) {
            byte[] buffer = new byte[8_192];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                int toHead = Math.min(read, HEAD - headLength);
                if (toHead > 0) {
                    System.arraycopy(buffer, 0, head, headLength, toHead);
                    headLength += toHead;
                }
                size += read;
            }
        }
        String sha256 = HexFormat.of().formatHex(digest.digest());
        return new SimulatedUpload(file.mimetype(), size, sha256, Arrays.copyOf(head, headLength));
    }

    /** Whether the file is the one the message describes: its size and its SHA-256 (hex or base64). */
    boolean matches(MediaFile file) {
        if (file.size() != size) {
            return false;
        }
        String declared = file.sha256();
        byte[] hash = HexFormat.of().parseHex(sha256);
        return declared.toLowerCase(Locale.ROOT).equals(sha256)
                || declared.equals(Base64.getEncoder().encodeToString(hash))
                || declared.equals(Base64.getUrlEncoder().withoutPadding().encodeToString(hash));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SimulatedUpload upload
                && upload.mimetype.equals(mimetype)
                && upload.size == size
                && upload.sha256.equals(sha256);
    }

    @Override
    public int hashCode() {
        return sha256.hashCode();
    }

    @Override
    public String toString() {
        return "SimulatedUpload[" + mimetype + ", " + size + " bytes, sha256 " + sha256 + "]";
    }
}
