package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.wagate.api.auth.Caller;
import io.wagate.api.idempotency.IdempotentSends;

@Controller("/v1/sessions/{id}/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MessageController {

    private static final String QUEUED = "queued";

    private final MessageService messages;
    private final IdempotentSends idempotency;

    MessageController(MessageService messages, IdempotentSends idempotency) {
        this.messages = messages;
        this.idempotency = idempotency;
    }

    @Post
    @Status(HttpStatus.ACCEPTED)
    public AcceptedJson send(
            Caller caller,
            String id,
            @Header("Idempotency-Key") @Nullable String idempotencyKey,
            @Body @Nullable JsonNode body) {
        SendRequest request = SendRequestValidator.validate(body);
        var outcome = idempotency.send(
                caller.organizationId(),
                idempotencyKey,
                request.fingerprint(id),
                request.clientRef(),
                () -> messages.send(caller, id, request));
        return new AcceptedJson(outcome.messageId(), QUEUED, outcome.clientRef(), outcome.replayed());
    }

    @Get("/{messageId}")
    public MessageJson get(Caller caller, String id, String messageId) {
        return messages.find(caller, id, messageId);
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record AcceptedJson(
            String messageId, String status, @Nullable String clientRef, boolean replayed) {}
}
