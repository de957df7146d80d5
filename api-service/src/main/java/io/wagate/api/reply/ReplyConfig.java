package io.wagate.api.reply;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/**
 * {@code wagate.replies.*}: how long a request waits for session-service's answer.
 *
 * @param sendTimeout a synchronous send, for message.sent or message.failed; past it the send
 *     answers 202 with {@code "pending": true} and carries on
 * @param commandTimeout a group command or a pairing-code request
 */
@ConfigurationProperties("wagate.replies")
public record ReplyConfig(
        @Bindable(defaultValue = "30s") @Nullable Duration sendTimeout,
        @Bindable(defaultValue = "30s") @Nullable Duration commandTimeout) {

    public ReplyConfig {
        sendTimeout = positive("send-timeout", sendTimeout == null ? Duration.ofSeconds(30) : sendTimeout);
        commandTimeout = positive("command-timeout", commandTimeout == null ? Duration.ofSeconds(30) : commandTimeout);
    }

    private static Duration positive(String name, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("wagate.replies." + name + " must be positive");
        }
        return value;
    }
}
