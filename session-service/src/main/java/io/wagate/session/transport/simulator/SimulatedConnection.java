package io.wagate.session.transport.simulator;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.ChatPresence;
import io.wagate.session.transport.GroupMetadata;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent;
import io.wagate.session.transport.TransportListener;
import io.wagate.session.transport.WhatsAppConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

/**
 * One simulated linked device. Without credentials it shows rotating QRs until the simulated phone
 * scans one; with credentials it logs straight in, unless they were logged out.
 */
final class SimulatedConnection implements WhatsAppConnection {

    private final String sessionId;
    private final @Nullable byte[] authState;
    private final TransportListener listener;
    private final SimulatedWhatsApp network;
    private final SimulatorSettings settings;
    private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();
    private volatile @Nullable SimulatedCredentials credentials;
    private volatile boolean connected;
    private volatile boolean closed;
    private int rotation; // touched on the scheduler thread only

    SimulatedConnection(
            String sessionId, @Nullable byte[] authState, TransportListener listener, SimulatedWhatsApp network) {
        this.sessionId = sessionId;
        this.authState = authState;
        this.listener = listener;
        this.network = network;
        this.settings = network.settings();
    }

    void start() {
        if (authState == null) {
            pair();
        } else {
            timers.add(network.schedule(Duration.ZERO, this::resume));
        }
    }

    private void pair() {
        SimulatedCredentials offered = SimulatedCredentials.generate(sessionId);
        ScheduledFuture<?> rotations = network.scheduleEvery(settings.qrRotation(), () -> showQr(offered));
        timers.add(rotations);
        timers.add(network.schedule(settings.scanDelay(), () -> {
            rotations.cancel(false);
            scanned(offered);
        }));
    }

    private void showQr(SimulatedCredentials offered) {
        if (closed) {
            return;
        }
        rotation++;
        Instant expiresAt = Instant.now().plus(settings.qrRotation());
        listener.on(new TransportEvent.QrCodeIssued(offered.qrText(), expiresAt, rotation));
    }

    private void scanned(SimulatedCredentials offered) {
        if (closed) {
            return;
        }
        credentials = offered;
        listener.on(new TransportEvent.Paired(offered.phoneNumber(), offered.toBytes()));
        logIn(offered);
    }

    private void resume() {
        if (closed) {
            return;
        }
        Optional<SimulatedCredentials> stored = SimulatedCredentials.fromBytes(authState);
        if (stored.isEmpty() || network.isUnlinked(stored.get().identityKey())) {
            listener.on(new TransportEvent.LoggedOut(
                    TransportEvent.Ending.LOGGED_OUT, stored.isEmpty() ? "credentials_rejected" : "logged_out"));
            return;
        }
        credentials = stored.get();
        logIn(stored.get());
    }

    private void logIn(SimulatedCredentials device) {
        connected = true;
        listener.on(new TransportEvent.Connected(device.phoneNumber()));
        network.online(sessionId, this);
    }

    /** Hands a receipt to this device; false when it is not online to take it. */
    boolean deliver(TransportEvent.MessageReceipt receipt) {
        if (closed || !connected) {
            return false;
        }
        listener.on(receipt);
        return true;
    }

    @Override
    public CompletionStage<SendOutcome> send(OutboundMessage message) {
        SimulatedCredentials device = credentials;
        if (closed || !connected || device == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to WhatsApp"));
        }
        boolean acceptable =
                switch (message.content()) {
                    case OutboundMessage.Text text -> text.withinLimits();
                    default -> false;
                };
        if (!acceptable) {
            return CompletableFuture.completedFuture(new SendOutcome.Rejected(
                    "invalid_message", "a text must have 1 to " + OutboundMessage.MAX_TEXT_LENGTH + " characters"));
        }
        return network.accept(sessionId, device.phoneNumber(), message);
    }

    @Override
    public CompletionStage<Void> presence(Jid chat, ChatPresence presence) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("presence"));
    }

    @Override
    public CompletionStage<Optional<Jid>> lookup(String phoneNumber) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("lookup"));
    }

    @Override
    public CompletionStage<GroupMetadata> joinGroup(String inviteCode) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("joinGroup"));
    }

    @Override
    public CompletionStage<GroupMetadata> groupMetadata(Jid group) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("groupMetadata"));
    }

    @Override
    public CompletionStage<Void> logout() {
        SimulatedCredentials device = credentials;
        if (device != null) {
            network.unlink(device.identityKey());
        }
        close();
        return CompletableFuture.completedFuture(null);
    }

    /** The socket breaks under the session; whoever owns it decides when to connect again. */
    boolean drop() {
        if (closed || !connected) {
            return false;
        }
        close();
        listener.on(new TransportEvent.Disconnected("connection_lost"));
        return true;
    }

    @Override
    public void close() {
        closed = true;
        connected = false;
        timers.forEach(timer -> timer.cancel(false));
        network.offline(sessionId, this);
    }
}
