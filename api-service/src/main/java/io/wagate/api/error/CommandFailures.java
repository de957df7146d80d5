package io.wagate.api.error;

import io.micronaut.http.HttpStatus;
import java.util.Map;

/**
 * The HTTP status of each code session-service answers a command with (CommandFailed). A code not
 * listed is a refusal of a well-formed request, hence 422.
 */
final class CommandFailures {

    private static final Map<String, HttpStatus> STATUS_BY_CODE = Map.of(
            "invalid_invite", HttpStatus.BAD_REQUEST,
            "invalid_phone_number", HttpStatus.BAD_REQUEST,
            "invalid_recipient", HttpStatus.BAD_REQUEST,
            "group_not_found", HttpStatus.NOT_FOUND,
            "not_connected", HttpStatus.CONFLICT);

    private CommandFailures() {}

    static HttpStatus status(String code) {
        return STATUS_BY_CODE.getOrDefault(code, HttpStatus.UNPROCESSABLE_ENTITY);
    }
}
