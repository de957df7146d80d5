package io.wagate.api.message;

import io.wagate.api.Ids;
import io.wagate.api.auth.Caller;
import io.wagate.api.command.CommandPublisher;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.session.Session;
import io.wagate.api.session.SessionService;
import io.wagate.api.session.SessionStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Singleton
public class MessageService {

    private final SessionService sessions;
    private final CommandPublisher commands;
    private final MessageRepository messages;
    private final MessageEventRepository history;

    MessageService(
            SessionService sessions,
            CommandPublisher commands,
            MessageRepository messages,
            MessageEventRepository history) {
        this.sessions = sessions;
        this.commands = commands;
        this.messages = messages;
        this.history = history;
    }

    /**
     * Queues the send on a connected session of the caller; returns the new message id. The message
     * is recorded first so its events always find it, and removed again when Kafka does not take it.
     */
    public String send(Caller caller, String sessionId, SendRequest request) {
        Session session = sessions.get(caller, sessionId);
        if (session.status() != SessionStatus.CONNECTED) {
            throw new ApiException(new ApiError.NotConnected(session.status().wire()));
        }
        String messageId = Ids.message();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        messages.save(new Message(
                messageId,
                session.organizationId(),
                session.id(),
                request.recipient(),
                request.content().type(),
                request.clientRef(),
                request.metadata(),
                MessageStatus.QUEUED.wire(),
                null,
                null,
                null,
                now,
                now));
        try {
            commands.publish(
                    session.id(),
                    SendMessageMapper.encode(messageId, session.id(), session.organizationId(), request, now));
        } catch (ApiException e) {
            messages.deleteById(messageId);
            throw e;
        }
        return messageId;
    }

    /** The caller's message on the caller's session, with its history. */
    public MessageJson find(Caller caller, String sessionId, String messageId) {
        Session session = sessions.get(caller, sessionId);
        Message message = messages.findByIdAndSessionIdAndOrganizationId(
                        messageId, session.id(), caller.organizationId())
                .orElseThrow(() -> new ApiException(new ApiError.NotFound("message not found")));
        return MessageJson.of(message, history.findByMessageIdOrderByOccurredAt(messageId));
    }
}
