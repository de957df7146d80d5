package io.wagate.session.sending;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The WhatsApp message id of one of our messages: {@code 3EB0} (the prefix WhatsApp Web uses) and
 * the first 16 hex digits of SHA-256 of our message id. Derived, not random, so a replayed command
 * resends under the same id and WhatsApp keeps one message.
 */
public final class WhatsAppMessageIds {

    private WhatsAppMessageIds() {}

    public static String derive(String messageId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(messageId.getBytes(StandardCharsets.UTF_8));
            return "3EB0" + HexFormat.of().formatHex(hash, 0, 8).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
