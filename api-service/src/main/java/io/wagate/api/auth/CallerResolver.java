package io.wagate.api.auth;

import java.util.Optional;

/** Turns a presented API key into the caller it belongs to, if it is known and not revoked. */
public interface CallerResolver {

    Optional<Caller> resolve(String apiKey);
}
