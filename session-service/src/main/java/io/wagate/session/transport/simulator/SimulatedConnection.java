package io.wagate.session.transport.simulator;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.ChatPresence;
import io.wagate.session.transport.GroupMetadata;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.Pairing;
import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent;
import io.wagate.session.transport.TransportListener;
import io.wagate.session.transport.WhatsAppConnection;
import io.wagate.session.transport.WhatsAppRefusalException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;

/**
 * One simulated linked device. Without credentials it shows rotating QRs (or, paired by code, the
 * session's pairing code) until the simulated phone scans it (or the code is entered); with
 * credentials it logs straight in, unless they were logged out or the number is banned.
 */
final class SimulatedConnection implements WhatsAppConnection {

    private final String sessionId;
    private final Pairing pairing;
    private final TransportListener listener;
    private final SimulatedWhatsApp network;
    private final SimulatorSettings settings;
    private final List<ScheduledFuture<?>> timers = new CopyOnWriteArrayList<>();
    private volatile @Nullable SimulatedCredentials credentials;
    private volatile boolean connected;
    private volatile boolean closed;
    private int rotation; // touched on the scheduler thread only

    SimulatedConnection(String sessionId, Pairing pairing, TransportListener listener, SimulatedWhatsApp network) {
        this.sessionId = sessionId;
        this.pairing = pairing;
        this.listener = listener;
        this.network = network;
        this.settings = network.settings();
    }

    void start() {
        switch (pairing) {
            case Pairing.Resume resume -> timers.add(network.schedule(Duration.ZERO, () -> resume(resume.authState())));
            case Pairing.ByQr ignored -> pair();
            case Pairing.ByCode byCode -> pairByCode(byCode.phoneNumber());
        }
    }

    /** Like a QR, the code is shown again every rotation until the phone's user has typed it in. */
    private void pairByCode(String phoneNumber) {
        SimulatedCredentials offered = SimulatedCredentials.forNumber(phoneNumber);
        String code = SimulatedPairingCode.of(sessionId);
        ScheduledFuture<?> rotations = network.scheduleEvery(settings.qrRotation(), () -> {
            if (!closed) {
                listener.on(
                        new TransportEvent.PairingCodeIssued(code, Instant.now().plus(settings.qrRotation())));
            }
        });
        timers.add(rotations);
        timers.add(network.schedule(settings.scanDelay(), () -> {
            rotations.cancel(false);
            scanned(offered);
        }));
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

    private void resume(byte[] authState) {
        if (closed) {
            return;
        }
        Optional<SimulatedCredentials> stored = SimulatedCredentials.fromBytes(authState);
        if (stored.isEmpty() || network.isUnlinked(stored.get().identityKey())) {
            listener.on(new TransportEvent.LoggedOut(
                    TransportEvent.Ending.LOGGED_OUT, stored.isEmpty() ? "credentials_rejected" : "logged_out"));
            return;
        }
        if (network.isBanned(stored.get().phoneNumber())) {
            listener.on(new TransportEvent.LoggedOut(TransportEvent.Ending.BANNED, "banned"));
            return;
        }
        credentials = stored.get();
        logIn(stored.get());
    }

    private void logIn(SimulatedCredentials device) {
        // Nothing is due any more (the pairing's timers ran or were cancelled): an idle device keeps none.
        timers.clear();
        connected = true;
        listener.on(new TransportEvent.Connected(device.phoneNumber()));
        network.online(sessionId, this);
    }

    /** Hands a receipt or a message to this device; false when it is not online to take it. */
    boolean deliver(TransportEvent event) {
        if (closed || !connected) {
            return false;
        }
        listener.on(event);
        return true;
    }

    /** Media is uploaded here, on the caller's thread, as a real client does before it sends the message. */
    @Override
    public CompletionStage<SendOutcome> send(OutboundMessage message) {
        SimulatedCredentials device = credentials;
        if (closed || !connected || device == null) {
            return notConnected();
        }
        SimulatedUpload upload = null;
        if (message.content() instanceof OutboundMessage.Media media) {
            try {
                upload = SimulatedUpload.of(media.file());
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Optional<SendOutcome.Rejected> refused = SimulatedRules.check(message, upload);
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        return network.accept(sessionId, device.phoneNumber(), message, upload);
    }

    @Override
    public CompletionStage<Void> presence(Jid chat, ChatPresence presence) {
        if (closed || !connected) {
            return notConnected();
        }
        network.presence(sessionId, chat, presence);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<Jid>> lookup(String phoneNumber) {
        if (closed || !connected) {
            return notConnected();
        }
        return CompletableFuture.completedFuture(network.lookup(phoneNumber));
    }

    @Override
    public CompletionStage<GroupMetadata> joinGroup(String inviteCode) {
        return askAboutGroups(device -> network.groups().join(sessionId, device.phoneNumber(), inviteCode));
    }

    @Override
    public CompletionStage<GroupMetadata> groupMetadata(Jid group) {
        return askAboutGroups(device -> network.groups().metadata(sessionId, device.phoneNumber(), group));
    }

    private CompletionStage<GroupMetadata> askAboutGroups(Function<SimulatedCredentials, GroupMetadata> question) {
        SimulatedCredentials device = credentials;
        if (closed || !connected || device == null) {
            return notConnected();
        }
        try {
            return CompletableFuture.completedFuture(question.apply(device));
        } catch (WhatsAppRefusalException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static <T> CompletableFuture<T> notConnected() {
        return CompletableFuture.failedFuture(new IllegalStateException("not connected to WhatsApp"));
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

    /** WhatsApp ends the link for good (a ban, another client taking over); false when not online. */
    boolean end(TransportEvent.Ending ending, String reason) {
        if (closed || !connected) {
            return false;
        }
        close();
        listener.on(new TransportEvent.LoggedOut(ending, reason));
        return true;
    }

    /** The phone number of the linked device, once it is logged in. */
    Optional<String> phoneNumber() {
        SimulatedCredentials device = credentials;
        return device == null ? Optional.empty() : Optional.of(device.phoneNumber());
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
