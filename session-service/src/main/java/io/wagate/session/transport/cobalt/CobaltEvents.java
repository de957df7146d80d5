package io.wagate.session.transport.cobalt;

import io.wagate.session.transport.TransportEvent;
import it.auties.whatsapp.api.DisconnectReason;
import it.auties.whatsapp.api.Listener;
import it.auties.whatsapp.model.info.ChatMessageInfo;
import it.auties.whatsapp.model.info.MessageInfo;
import it.auties.whatsapp.model.node.Node;
import java.time.Clock;
import java.util.List;

/**
 * What one Cobalt socket reports, handed to its connection's thread. Cobalt calls each method on a
 * virtual thread of its own; nothing here touches the connection's state directly.
 */
final class CobaltEvents implements Listener {

    private final CobaltConnection connection;
    private final int generation;
    private final CobaltClient socket;
    private final CobaltRequests requests;
    private final InboundMapper inbound;
    private final Clock clock;

    CobaltEvents(
            CobaltConnection connection,
            int generation,
            CobaltClient socket,
            CobaltRequests requests,
            InboundMapper inbound,
            Clock clock) {
        this.connection = connection;
        this.generation = generation;
        this.socket = socket;
        this.requests = requests;
        this.inbound = inbound;
        this.clock = clock;
    }

    @Override
    public void onNodeReceived(Node node) {
        ServerNodes.ackOf(node, clock.instant()).ifPresent(requests::answered);
        List<TransportEvent.MessageReceipt> receipts = ServerNodes.receiptsOf(node, clock.instant());
        if (!receipts.isEmpty()) {
            connection.execute(generation, () -> receipts.forEach(connection::emit));
        }
        List<String> refs = ServerNodes.pairingRefsOf(node);
        if (!refs.isEmpty()) {
            connection.execute(generation, () -> connection.onPairingRefs(generation, refs));
        }
        StreamVerdict.of(node)
                .ifPresent(verdict -> connection.execute(generation, () -> connection.onVerdict(verdict)));
    }

    @Override
    public void onLoggedIn() {
        if (connection.closed()) {
            socket.disconnect();
            return;
        }
        connection.execute(() -> connection.onLoggedIn(generation, socket));
    }

    @Override
    public void onDisconnected(DisconnectReason reason) {
        // Cobalt 0.0.10 reports every close as DISCONNECTED; why it closed comes from the nodes.
        connection.execute(generation, connection::onSocketClosed);
    }

    @Override
    public void onNewMessage(MessageInfo<?> info) {
        if (info instanceof ChatMessageInfo message) {
            connection.execute(generation, () -> inbound.map(message)
                    .ifPresent(received -> connection.emit(new TransportEvent.MessageReceived(received))));
        }
    }

    @Override
    public void onMessageDeleted(MessageInfo<?> info, boolean everyone) {
        if (everyone && info instanceof ChatMessageInfo message) {
            connection.execute(generation, () -> inbound.revoked(message)
                    .ifPresent(revoked -> connection.emit(new TransportEvent.MessageReceived(revoked))));
        }
    }
}
