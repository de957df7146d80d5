package io.wagate.api.message;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.wagate.api.auth.Caller;

@Controller("/v1/sessions/{id}/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
public class MessageController {

    private static final String QUEUED = "queued";

    private final MessageService messages;

    MessageController(MessageService messages) {
        this.messages = messages;
    }

    @Post
    @Status(HttpStatus.ACCEPTED)
    public AcceptedJson send(Caller caller, String id, @Body @Nullable JsonNode body) {
        SendRequest request = SendRequestValidator.validate(body);
        String messageId = messages.send(caller, id, request);
        return new AcceptedJson(messageId, QUEUED, request.clientRef());
    }

    @Get("/{messageId}")
    public MessageJson get(Caller caller, String id, String messageId) {
        return messages.find(caller, id, messageId);
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record AcceptedJson(
            String messageId, String status, @Nullable String clientRef) {}
}
