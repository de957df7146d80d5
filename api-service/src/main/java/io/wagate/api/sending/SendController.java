package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.wagate.api.auth.Caller;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.idempotency.IdempotentSends;
import java.util.function.Consumer;

/**
 * Sends, edits and deletions. Each answers when WhatsApp took the message (200) or refused it
 * (422, the failure's code), or at once with {@code ?async=true} (202 queued).
 */
@Controller("/v1/sessions/{id}/messages")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SendController {

    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final SendService sends;
    private final IdempotentSends idempotency;

    SendController(SendService sends, IdempotentSends idempotency) {
        this.sends = sends;
        this.idempotency = idempotency;
    }

    @Post
    public HttpResponse<SendResultJson> send(
            Caller caller,
            String id,
            @QueryValue @Nullable String async,
            @Header(IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
            @Body @Nullable JsonNode body) {
        boolean asynchronous = async(async);
        SendRequest request = SendRequestValidator.validate(body);
        String fingerprint = request.fingerprint(id);
        return answer(idempotency.send(caller.organizationId(), idempotencyKey, fingerprint, queued -> sends.send(
                        caller, id, request, asynchronous, checkpoint(queued))
                .stored()));
    }

    @Patch("/{messageId}")
    public HttpResponse<SendResultJson> edit(
            Caller caller,
            String id,
            String messageId,
            @QueryValue @Nullable String async,
            @Header(IDEMPOTENCY_KEY) @Nullable String idempotencyKey,
            @Body @Nullable JsonNode body) {
        boolean asynchronous = async(async);
        EditRequest edit = EditRequest.validate(body);
        String fingerprint = edit.fingerprint(id, messageId);
        return answer(idempotency.send(caller.organizationId(), idempotencyKey, fingerprint, queued -> sends.edit(
                        caller, id, messageId, edit, asynchronous, checkpoint(queued))
                .stored()));
    }

    @Delete("/{messageId}")
    public HttpResponse<SendResultJson> delete(
            Caller caller,
            String id,
            String messageId,
            @QueryValue @Nullable String async,
            @Header(IDEMPOTENCY_KEY) @Nullable String idempotencyKey) {
        boolean asynchronous = async(async);
        String fingerprint = Fingerprints.of(id, "delete", messageId);
        return answer(idempotency.send(caller.organizationId(), idempotencyKey, fingerprint, queued -> sends.delete(
                        caller, id, messageId, asynchronous, checkpoint(queued))
                .stored()));
    }

    private static HttpResponse<SendResultJson> answer(IdempotentSends.Outcome stored) {
        return switch (SendOutcome.of(stored)) {
            case SendOutcome.Queued queued ->
                HttpResponse.status(HttpStatus.ACCEPTED).body(SendResultJson.of(queued));
            case SendOutcome.Sent sent -> HttpResponse.ok(SendResultJson.of(sent));
            case SendOutcome.Failed failed ->
                throw new ApiException(new ApiError.MessageFailed(
                        failed.messageId(), failed.code(), failed.message(), failed.replayed()));
        };
    }

    private static Consumer<SendOutcome.Queued> checkpoint(Consumer<IdempotentSends.Outcome> queued) {
        return outcome -> queued.accept(outcome.stored());
    }

    private static boolean async(@Nullable String value) {
        if (value == null || value.equals("false")) {
            return false;
        }
        if (value.isEmpty() || value.equals("true")) {
            return true;
        }
        throw new ApiException(ApiError.ValidationError.of("async", "must be true or false"));
    }
}
