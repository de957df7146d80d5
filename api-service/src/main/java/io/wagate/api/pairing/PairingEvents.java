package io.wagate.api.pairing;

import io.wagate.api.Ids;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import io.wagate.api.session.Session;
import io.wagate.api.session.SessionCommandMapper;
import io.wagate.schemas.v1.CommandFailed;
import io.wagate.schemas.v1.Event;
import io.wagate.schemas.v1.RequestPairingCode;
import io.wagate.schemas.v1.SessionPairingCodeIssued;
import java.time.Instant;
import java.util.Optional;

/** The pairing command out, its events in; the only pairing class that sees Avro. */
final class PairingEvents {

    private PairingEvents() {}

    record Command(String commandId, byte[] bytes) {}

    static Command request(Session session, String phoneNumber, Instant issuedAt) {
        String commandId = Ids.command();
        return new Command(
                commandId,
                SessionCommandMapper.encode(
                        commandId,
                        session,
                        issuedAt,
                        RequestPairingCode.newBuilder()
                                .setPhoneNumber(phoneNumber)
                                .build()));
    }

    /** The code a session.pairing_code event carries. */
    static Optional<PairingCode> issued(Event event) {
        return event.getData() instanceof SessionPairingCodeIssued issued
                ? Optional.of(new PairingCode(issued.getCode(), issued.getPhoneNumber(), issued.getExpiresAt()))
                : Optional.empty();
    }

    /** @throws ApiException the CommandFailed code (e.g. invalid_phone_number) with its status */
    static PairingCode answer(Event event) {
        if (event.getData() instanceof CommandFailed failed) {
            throw new ApiException(new ApiError.CommandFailed(failed.getCode(), failed.getMessage()));
        }
        return issued(event)
                .orElseThrow(() -> new IllegalStateException("not an answer to a pairing request: " + event.getData()));
    }
}
