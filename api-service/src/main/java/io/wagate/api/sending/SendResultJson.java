package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/**
 * The answer to a send: {@code id} (also as {@code message_id}, the name 202 answers have always
 * used), its status, WhatsApp's id once sent, and whether this is a replay of an earlier answer.
 * {@code pending} says a synchronous send stopped waiting before WhatsApp answered: it goes on, and
 * its status is then read with GET or from webhooks.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
public record SendResultJson(
        String id,
        String messageId,
        String status,
        @Nullable String waMessageId,
        @Nullable String clientRef,
        boolean pending,
        boolean replayed) {

    static SendResultJson of(SendOutcome.Queued queued) {
        return new SendResultJson(
                queued.messageId(),
                queued.messageId(),
                "queued",
                null,
                queued.clientRef(),
                queued.pending(),
                queued.replayed());
    }

    static SendResultJson of(SendOutcome.Sent sent) {
        return new SendResultJson(
                sent.messageId(),
                sent.messageId(),
                sent.status(),
                sent.waMessageId(),
                sent.clientRef(),
                false,
                sent.replayed());
    }
}
