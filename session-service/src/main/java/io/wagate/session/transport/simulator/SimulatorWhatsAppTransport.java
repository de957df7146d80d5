package io.wagate.session.transport.simulator;

import io.micronaut.context.annotation.Requires;
import io.wagate.session.transport.Pairing;
import io.wagate.session.transport.TransportListener;
import io.wagate.session.transport.WhatsAppConnection;
import io.wagate.session.transport.WhatsAppTransport;
import jakarta.inject.Singleton;

/** The {@link WhatsAppTransport} of devstack and tests ({@code wagate.transport: simulator}, the default). */
@Singleton
@Requires(property = "wagate.transport", value = "simulator", defaultValue = "simulator")
public class SimulatorWhatsAppTransport implements WhatsAppTransport {

    private final SimulatedWhatsApp network;

    public SimulatorWhatsAppTransport(SimulatedWhatsApp network) {
        this.network = network;
    }

    @Override
    public WhatsAppConnection open(String sessionId, Pairing pairing, TransportListener listener) {
        var connection = new SimulatedConnection(sessionId, pairing, listener, network);
        connection.start();
        return connection;
    }
}
