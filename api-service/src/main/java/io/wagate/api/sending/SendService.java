package io.wagate.api.sending;

import io.micronaut.core.annotation.Nullable;
import io.wagate.api.Ids;
import io.wagate.api.auth.Caller;
import io.wagate.api.command.CommandPublisher;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.message.Message;
import io.wagate.api.message.MessageRepository;
import io.wagate.api.message.MessageService;
import io.wagate.api.message.MessageStatus;
import io.wagate.api.ratelimit.SendRateLimits;
import io.wagate.api.session.Session;
import io.wagate.api.session.SessionService;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Sends on a connected session of the caller: new messages, edits and deletions alike. Each is
 * checked, has its media prepared, is recorded and queued; a synchronous one then waits for
 * WhatsApp's answer ({@link SyncSends}).
 */
@Singleton
public class SendService {

    private final SessionService sessions;
    private final MessageService reads;
    private final MessageRepository messages;
    private final CommandPublisher commands;
    private final MediaPreparation media;
    private final SendRateLimits rateLimits;
    private final SyncSends sync;

    SendService(
            SessionService sessions,
            MessageService reads,
            MessageRepository messages,
            CommandPublisher commands,
            MediaPreparation media,
            SendRateLimits rateLimits,
            SyncSends sync) {
        this.sessions = sessions;
        this.reads = reads;
        this.messages = messages;
        this.commands = commands;
        this.media = media;
        this.rateLimits = rateLimits;
        this.sync = sync;
    }

    /** {@code onQueued} hears of the send once it is in Kafka, before a synchronous wait. */
    public SendOutcome send(
            Caller caller,
            String sessionId,
            SendRequest request,
            boolean async,
            Consumer<SendOutcome.Queued> onQueued) {
        Session session = sessions.get(caller, sessionId);
        SessionService.requireConnected(session);
        if (request.options().replyTo() != null) {
            requireOwnIfKnown(session, request.options().replyTo(), "reply_message_not_found", "reply_to");
        }
        if (request.content() instanceof MessageContent.Reaction reaction) {
            requireOwnIfKnown(session, reaction.targetMessageId(), "reaction_target_not_found", "message_id");
        }
        requireBucketsIfSync(session, async);
        return dispatch(session, media.prepare(session.organizationId(), request), async, onQueued);
    }

    /** Replaces the text of a text message this session sent. */
    public SendOutcome edit(
            Caller caller,
            String sessionId,
            String targetId,
            EditRequest edit,
            boolean async,
            Consumer<SendOutcome.Queued> onQueued) {
        Session session = sessions.get(caller, sessionId);
        Message target = reads.target(caller, session, targetId);
        if (target.inbound()) {
            throw new ApiException(new ApiError.EditNotAllowed("only messages this session sent can be edited"));
        }
        if (target.type() != null && !target.type().equals("text")) {
            throw new ApiException(
                    new ApiError.EditNotAllowed("only text messages can be edited; this one is " + target.type()));
        }
        if (target.currentStatus() == MessageStatus.FAILED) {
            throw new ApiException(new ApiError.EditNotAllowed("this message was never sent: it failed"));
        }
        SessionService.requireConnected(session);
        requireBucketsIfSync(session, async);
        return dispatch(
                session,
                new SendRequest(
                        target.recipient(),
                        new MessageContent.Edit(target.id(), edit.text()),
                        SendOptions.NONE,
                        edit.clientRef(),
                        edit.metadata()),
                async,
                onQueued);
    }

    /** Deletes a message this session sent, for everyone. */
    public SendOutcome delete(
            Caller caller, String sessionId, String targetId, boolean async, Consumer<SendOutcome.Queued> onQueued) {
        Session session = sessions.get(caller, sessionId);
        Message target = reads.target(caller, session, targetId);
        if (target.inbound()) {
            throw new ApiException(new ApiError.RevokeNotAllowed("only messages this session sent can be deleted"));
        }
        if (target.currentStatus() == MessageStatus.FAILED) {
            throw new ApiException(new ApiError.RevokeNotAllowed("this message was never sent: it failed"));
        }
        SessionService.requireConnected(session);
        requireBucketsIfSync(session, async);
        return dispatch(
                session,
                new SendRequest(
                        target.recipient(), new MessageContent.Revoke(target.id()), SendOptions.NONE, null, Map.of()),
                async,
                onQueued);
    }

    /**
     * Records the message first, so its events always find it, and removes it again when Kafka does
     * not take the command.
     */
    private SendOutcome dispatch(
            Session session, SendRequest request, boolean async, Consumer<SendOutcome.Queued> onQueued) {
        String messageId = Ids.message();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        messages.save(Message.queued(
                messageId,
                session.organizationId(),
                session.id(),
                request.recipient(),
                request.content().type(),
                request.clientRef(),
                request.metadata(),
                request.content().targetMessageId(),
                now));
        byte[] command = SendMessageMapper.encode(messageId, session.id(), session.organizationId(), request, now);
        Runnable publish = () -> {
            try {
                commands.publish(session.id(), command);
            } catch (ApiException e) {
                messages.deleteById(messageId);
                throw e;
            }
        };
        if (async) {
            publish.run();
            return new SendOutcome.Queued(messageId, request.clientRef(), false, false);
        }
        // Queued before the wait: a retry during it must find the send, not send it again.
        return sync.publishAndAwait(messageId, request.clientRef(), () -> {
            publish.run();
            onQueued.accept(new SendOutcome.Queued(messageId, request.clientRef(), true, false));
        });
    }

    /** A synchronous send must not wait in session-service's pacing: refuse it while a bucket is empty. */
    private void requireBucketsIfSync(Session session, boolean async) {
        if (async) {
            return;
        }
        rateLimits.peek(session.organizationId(), session.id()).ifPresent(exhausted -> {
            throw new ApiException(new ApiError.RateLimited(exhausted.scope(), exhausted.retryAfterSeconds()));
        });
    }

    /**
     * Our own id of a message known to be another session's is refused at once; an unknown one (a
     * WhatsApp id, or one not projected yet) is left for session-service to resolve.
     */
    private void requireOwnIfKnown(Session session, @Nullable String messageId, String code, String field) {
        if (messageId == null || !messageId.startsWith("msg_")) {
            return;
        }
        messages.findById(messageId)
                .filter(message -> !message.sessionId().equals(session.id()))
                .ifPresent(other -> {
                    throw new ApiException(new ApiError.TargetNotFound(code, field, messageId));
                });
    }
}
