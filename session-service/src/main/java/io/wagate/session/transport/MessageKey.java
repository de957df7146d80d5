package io.wagate.session.transport;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * Names one WhatsApp message, the way the protocol does: the chat, the WhatsApp message id, whether
 * this session wrote it, and in a group who did.
 */
public record MessageKey(
        Jid chat,
        String waMessageId,
        boolean fromMe,
        @Nullable Jid participant) {

    public MessageKey {
        Objects.requireNonNull(chat, "chat");
        Objects.requireNonNull(waMessageId, "waMessageId");
    }
}
