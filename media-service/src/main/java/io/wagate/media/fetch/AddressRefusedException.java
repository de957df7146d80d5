package io.wagate.media.fetch;

import java.net.UnknownHostException;

/**
 * Raised from the HTTP client's DNS step when the guard refuses what a host resolves to; an
 * {@link UnknownHostException} so that the client gives up on the host instead of connecting.
 */
final class AddressRefusedException extends UnknownHostException {

    AddressRefusedException(String reason) {
        super(reason);
    }
}
