package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * How to send: quote ({@code reply_to}, {@code reply_private}), mention ({@code mentions} as JIDs,
 * {@code mention_all}), show "typing..." for {@code delaySeconds}, and attach a link preview.
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
        mentions = List.copyOf(mentions);
    }
}
