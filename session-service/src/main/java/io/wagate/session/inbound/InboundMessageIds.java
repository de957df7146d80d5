package io.wagate.session.inbound;

import com.github.f4b6a3.ulid.Ulid;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The msg_ id of an inbound message: a ULID whose time is when the message was sent and whose
 * random part is taken from SHA-256 of the session and WhatsApp ids. The same message always gets
 * the same id, and ids still sort by time like every other ULID.
 */
final class InboundMessageIds {

    private InboundMessageIds() {}

    static String derive(String sessionId, String waMessageId, Instant sentAt) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((sessionId + "\n" + waMessageId).getBytes(StandardCharsets.UTF_8));
            long time = Math.max(0, Math.min(sentAt.toEpochMilli(), (1L << 48) - 1));
            return "msg_" + new Ulid(time, Arrays.copyOf(hash, 10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
