package io.wagate.api.pairing;

import io.wagate.api.auth.Caller;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.reply.CommandReplies;
import io.wagate.api.reply.ReplyKey;
import io.wagate.api.sending.Recipients;
import io.wagate.api.session.Session;
import io.wagate.api.session.SessionService;
import io.wagate.api.session.SessionStatus;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** Pairing by code: ask session-service for one and wait (bounded) for WhatsApp to issue it. */
@Singleton
public class PairingService {

    private final SessionService sessions;
    private final CommandReplies commands;
    private final PairingCodeStore codes;

    PairingService(SessionService sessions, CommandReplies commands, PairingCodeStore codes) {
        this.sessions = sessions;
        this.commands = commands;
        this.codes = codes;
    }

    /** The issued code, or empty when it did not come within the command timeout (it may still come). */
    public Optional<PairingCode> request(Caller caller, String sessionId, String phoneNumber) {
        String number = Recipients.msisdn("phone_number", phoneNumber);
        Session session = sessions.get(caller, sessionId);
        if (session.status() == SessionStatus.CONNECTED) {
            throw new ApiException(new ApiError.AlreadyConnected());
        }
        var command = PairingEvents.request(session, number, Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return commands.publishAndAwait(
                        session.id(), command.commandId(), command.bytes(), new ReplyKey.PairingCode(session.id()))
                .map(PairingEvents::answer);
    }

    /** The code to type while the session waits for it. */
    public PairingCode current(Caller caller, String sessionId) {
        Session session = sessions.get(caller, sessionId);
        if (session.status() == SessionStatus.CONNECTED) {
            throw new ApiException(
                    new ApiError.PairingCodeNotAvailable(session.status().wire()));
        }
        return codes.find(session.id())
                .orElseThrow(() -> new ApiException(
                        new ApiError.PairingCodeNotAvailable(session.status().wire())));
    }
}
