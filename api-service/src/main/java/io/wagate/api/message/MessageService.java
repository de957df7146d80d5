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

    MessageService(SessionService sessions, CommandPublisher commands) {
        this.sessions = sessions;
        this.commands = commands;
    }

    /** Queues the send on a connected session of the caller; returns the new message id. */
    public String send(Caller caller, String sessionId, SendRequest request) {
        Session session = sessions.get(caller, sessionId);
        if (session.status() != SessionStatus.CONNECTED) {
            throw new ApiException(new ApiError.NotConnected(session.status().wire()));
        }
        String messageId = Ids.message();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        commands.publish(
                session.id(),
                SendMessageMapper.encode(messageId, session.id(), session.organizationId(), request, now));
        return messageId;
    }
}
