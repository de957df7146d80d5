package io.wagate.session.sending;

import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Objects;

/**
 * How to send a message, as the SendMessage asked; nothing is checked yet.
 *
 * @param replyTo the message to quote: our msg_ id or a WhatsApp message id of this session
 * @param replyPrivate with {@code replyTo} on a group message: answer in its author's private chat
 * @param mentions numbers or JIDs to mention (group chats only)
 * @param mentionAll mention every member of the group
 * @param delaySeconds show "typing..." this long before sending (0 to 60)
 * @param linkPreview attach the Open Graph card of the text's first URL
 */
public record SendOptions(
        @Nullable String replyTo,
        boolean replyPrivate,
        List<String> mentions,
        boolean mentionAll,
        int delaySeconds,
        boolean linkPreview) {

    public static final SendOptions NONE = new SendOptions(null, false, List.of(), false, 0, false);

    public SendOptions {
        mentions = List.copyOf(Objects.requireNonNullElse(mentions, List.of()));
    }
}
