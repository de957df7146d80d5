package io.wagate.session.transport.cobalt;

import io.wagate.session.transport.WhatsAppTransport;
import io.wagate.session.transport.WhatsAppTransportContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The Cobalt adapter against the transport contract. Its socket goes through a local proxy that
 * refuses every tunnel, so the offline checks run for real and nothing leaves the machine; the
 * checks that need a pairing or a login are skipped, with the reason below.
 */
class CobaltWhatsAppTransportContractTest extends WhatsAppTransportContract {

    private RefusingProxy proxy;

    @Override
    protected WhatsAppTransport newTransport() {
        try {
            proxy = new RefusingProxy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CobaltWhatsAppTransport(CobaltTestSettings.through(proxy));
    }

    @Override
    protected Optional<String> whyWhatsAppIsOutOfReach() {
        return Optional.of("pairing, login and server acks need web.whatsapp.com, which no machine of this"
                + " project reaches; the adapter's socket is sent to a local proxy that refuses it"
                + " (see docs/operations/real-whatsapp.md, \"What was verified\")");
    }

    @Override
    protected void stopTransport(WhatsAppTransport transport) {
        ((CobaltWhatsAppTransport) transport).close();
        try {
            proxy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
