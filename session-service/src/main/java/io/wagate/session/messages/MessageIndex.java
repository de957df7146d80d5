package io.wagate.session.messages;

import io.wagate.session.SessionRef;
import java.util.Optional;

/**
 * The messages of a session's chats that later messages may point at: a quote, a reaction, an edit
 * or a deletion names its target by our msg_ id or by a WhatsApp message id.
 */
public interface MessageIndex {

    /**
     * The message {@code id} names in this session: inbound ones, and ours once WhatsApp accepted
     * them (one that failed or was never sent is not a message anyone can see).
     */
    Optional<KnownMessage> find(SessionRef session, String id);

    /** Whether a message with this WhatsApp id is known in this session, whatever became of it. */
    boolean knows(SessionRef session, String waMessageId);

    /** Records a message; recording the same WhatsApp id again keeps the first record. */
    void remember(SessionRef session, KnownMessage message);
}
