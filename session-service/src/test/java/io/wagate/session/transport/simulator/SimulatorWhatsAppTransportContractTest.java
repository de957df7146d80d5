package io.wagate.session.transport.simulator;

import io.wagate.session.transport.WhatsAppTransport;
import io.wagate.session.transport.WhatsAppTransportContract;
import java.time.Duration;
import java.util.Optional;

/** The simulator against the transport contract: it reaches its simulated WhatsApp, so nothing is skipped. */
class SimulatorWhatsAppTransportContractTest extends WhatsAppTransportContract {

    private SimulatedWhatsApp network;

    @Override
    protected WhatsAppTransport newTransport() {
        network = new SimulatedWhatsApp(new SimulatorSettings(
                Duration.ofMillis(600),
                Duration.ofMillis(100),
                Duration.ofMillis(5),
                Duration.ofMillis(10),
                Duration.ofMillis(10)));
        return new SimulatorWhatsAppTransport(network);
    }

    @Override
    protected Optional<String> whyWhatsAppIsOutOfReach() {
        return Optional.empty();
    }

    @Override
    protected void stopTransport(WhatsAppTransport transport) {
        network.close();
    }
}
