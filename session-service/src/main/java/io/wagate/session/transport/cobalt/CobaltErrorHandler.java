package io.wagate.session.transport.cobalt;

import it.auties.whatsapp.api.ErrorHandler;
import it.auties.whatsapp.api.Whatsapp;
import it.auties.whatsapp.exception.HmacValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Cobalt reports failures it caught, logged through SLF4J with the session id (Cobalt's own
 * handlers print stack traces to stdout or write files). A failure that breaks the login or the
 * encryption drops the socket, which the connection reports as a disconnect; anything else is
 * logged and the socket carries on.
 */
final class CobaltErrorHandler implements ErrorHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CobaltErrorHandler.class);

    private final String sessionId;

    CobaltErrorHandler(String sessionId) {
        this.sessionId = sessionId;
    }

    @Override
    public Result handleError(Whatsapp whatsapp, Location location, Throwable failure) {
        Result result = resultFor(location, failure);
        LOG.warn("{}: Cobalt failure at {} ({}): {}", sessionId, location, result, failure.toString());
        LOG.debug("{}: Cobalt failure at {}", sessionId, location, failure);
        return result;
    }

    static Result resultFor(Location location, Throwable failure) {
        return switch (location) {
            case LOGIN, CRYPTOGRAPHY, INITIAL_APP_STATE_SYNC -> Result.DISCONNECT;
            case MESSAGE -> failure instanceof HmacValidationException ? Result.DISCONNECT : Result.DISCARD;
            default -> Result.DISCARD;
        };
    }
}
