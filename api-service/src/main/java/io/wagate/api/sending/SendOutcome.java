package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import io.wagate.api.idempotency.IdempotentSends;

/** How a send ended, as far as the request that made it can tell. */
public sealed interface SendOutcome {

    String messageId();

    @Nullable
    String clientRef();

    boolean replayed();

    /** In Kafka; {@code pending} when a synchronous wait for WhatsApp's answer ran out first. */
    record Queued(String messageId, @Nullable String clientRef, boolean pending, boolean replayed)
            implements SendOutcome {}

    /** WhatsApp took it: {@code status} is {@code sent}, or a later receipt that arrived first. */
    record Sent(
            String messageId,
            @Nullable String clientRef,
            String status,
            @Nullable String waMessageId,
            boolean replayed) implements SendOutcome {}

    /** WhatsApp (or session-service's checks) refused it. */
    record Failed(String messageId, @Nullable String clientRef, String code, String message, boolean replayed)
            implements SendOutcome {}

    /** The form an Idempotency-Key remembers. */
    default IdempotentSends.Outcome stored() {
        return switch (this) {
            case Queued queued ->
                new IdempotentSends.Outcome(
                        messageId(), clientRef(), "queued", null, null, null, queued.pending(), replayed());
            case Sent sent ->
                new IdempotentSends.Outcome(
                        messageId(), clientRef(), sent.status(), sent.waMessageId(), null, null, false, replayed());
            case Failed failed ->
                new IdempotentSends.Outcome(
                        messageId(), clientRef(), "failed", null, failed.code(), failed.message(), false, replayed());
        };
    }

    static SendOutcome of(IdempotentSends.Outcome outcome) {
        return switch (outcome.status()) {
            case "queued" ->
                new Queued(outcome.messageId(), outcome.clientRef(), outcome.pending(), outcome.replayed());
            case "failed" ->
                new Failed(
                        outcome.messageId(),
                        outcome.clientRef(),
                        outcome.errorCode(),
                        outcome.errorMessage(),
                        outcome.replayed());
            default ->
                new Sent(
                        outcome.messageId(),
                        outcome.clientRef(),
                        outcome.status(),
                        outcome.waMessageId(),
                        outcome.replayed());
        };
    }
}
