package io.wagate.session.transport.cobalt;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.transport.ChatPresence;
import io.wagate.session.transport.GroupMetadata;
import io.wagate.session.transport.Jid;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.Pairing;
import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent;
import io.wagate.session.transport.TransportEvent.Ending;
import io.wagate.session.transport.TransportListener;
import io.wagate.session.transport.WhatsAppConnection;
import it.auties.whatsapp.api.ClientType;
import it.auties.whatsapp.api.PairingCodeHandler;
import it.auties.whatsapp.api.QrHandler;
import it.auties.whatsapp.api.WebVerificationHandler;
import it.auties.whatsapp.controller.Keys;
import it.auties.whatsapp.controller.Store;
import it.auties.whatsapp.controller.StoreKeysPair;
import it.auties.whatsapp.model.mobile.PhoneNumber;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session's link to WhatsApp through Cobalt. Cobalt calls back on a virtual thread per event;
 * every step here runs on the connection's own single thread, in arrival order, so the listener is
 * never called concurrently and the state below needs no locks.
 *
 * <p>Each Cobalt socket this connection opens has a generation; callbacks of an abandoned socket are
 * ignored, and a socket that logs in after it was abandoned is disconnected on the spot. Sends and
 * requests live in {@link CobaltRequests}.
 */
final class CobaltConnection implements WhatsAppConnection {

    private static final Logger LOG = LoggerFactory.getLogger(CobaltConnection.class);
    /** Lets the node that says why a socket closed arrive after Cobalt's (reasonless) close callback. */
    private static final Duration VERDICT_GRACE = Duration.ofSeconds(1);

    private static final int PAIRING_CODE_LENGTH = 8;

    private final String sessionId;
    private final Pairing pairing;
    private final TransportListener listener;
    private final CobaltSettings settings;
    private final AuthStateCache cache;
    private final ScheduledExecutorService timers;
    private final Clock clock;
    private final ExecutorService steps;
    private final QrRotation qrs;
    private final CobaltRequests requests;
    private final InboundMapper inbound;

    private volatile boolean closed;
    private volatile boolean loggedIn;
    private volatile @Nullable CobaltClient client;
    // Confined to the steps thread.
    private int generation;
    private boolean ended;
    private boolean paired;
    private int logins;
    private @Nullable StreamVerdict verdict;
    private @Nullable String device;
    private byte @Nullable [] authState;

    CobaltConnection(
            String sessionId,
            Pairing pairing,
            TransportListener listener,
            CobaltSettings settings,
            AuthStateCache cache,
            ScheduledExecutorService timers,
            Clock clock) {
        this.sessionId = sessionId;
        this.pairing = pairing;
        this.listener = listener;
        this.settings = settings;
        this.cache = cache;
        this.timers = timers;
        this.clock = clock;
        this.steps = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("cobalt-" + sessionId).factory());
        this.qrs = new QrRotation(settings.firstQrLifetime(), settings.qrLifetime());
        this.requests = new CobaltRequests(this::liveClient, settings, clock);
        this.inbound = new InboundMapper(info -> requests.mediaOf(client, info));
    }

    void start() {
        execute(this::begin);
    }

    private void begin() {
        switch (pairing) {
            case Pairing.Resume resume -> {
                StoreKeysPair state;
                try {
                    state = AuthStateCodec.decode(resume.authState());
                    device = AuthStateCodec.deviceOf(state.keys());
                    byte[] freshest = cache.freshest(sessionId, device, resume.authState());
                    if (freshest != resume.authState()) {
                        state = AuthStateCodec.decode(freshest);
                    }
                } catch (AuthStateCodec.UnreadableAuthStateException e) {
                    LOG.warn(
                            "{}: stored credentials are not usable by the Cobalt adapter: {}",
                            sessionId,
                            e.getMessage());
                    finish(new TransportEvent.LoggedOut(Ending.LOGGED_OUT, "credentials_rejected"));
                    return;
                }
                paired = true;
                connect(state.store(), state.keys(), null, null);
            }
            case Pairing.ByQr ignored -> connectForPairing();
            case Pairing.ByCode ignored -> connectForPairing();
        }
    }

    /** A fresh device: new keys, a QR or code handler, and a new socket. */
    private void connectForPairing() {
        UUID uuid = UUID.randomUUID();
        Store store = Store.of(uuid, null, null, ClientType.WEB);
        Keys keys = Keys.of(uuid, null, null, ClientType.WEB);
        qrs.newSocket();
        if (pairing instanceof Pairing.ByCode code) {
            Optional<PhoneNumber> phone = code.phoneNumber().matches("[0-9]{6,20}")
                    ? PhoneNumber.of(Long.parseLong(code.phoneNumber()))
                    : Optional.empty();
            if (phone.isEmpty()) {
                finish(new TransportEvent.LoggedOut(Ending.LOGGED_OUT, "invalid_phone_number"));
                return;
            }
            int next = generation + 1;
            connect(
                    store,
                    keys,
                    (PairingCodeHandler) issued -> execute(next, () -> pairingCodeIssued(issued)),
                    phone.get());
        } else {
            int next = generation + 1;
            connect(
                    store,
                    keys,
                    (QrHandler) qr -> execute(next, () -> {
                        qrs.cobaltQr(qr);
                        showFirstQr(next);
                    }),
                    null);
        }
    }

    private void pairingCodeIssued(String code) {
        if (code.length() != PAIRING_CODE_LENGTH) {
            // Cobalt 0.0.10 makes 5 hex digits; the phone asks for 8 characters (docs/operations/real-whatsapp.md).
            LOG.warn(
                    "{}: Cobalt issued a {}-character pairing code; WhatsApp expects {}",
                    sessionId,
                    code.length(),
                    PAIRING_CODE_LENGTH);
        }
        emit(new TransportEvent.PairingCodeIssued(code, clock.instant().plus(settings.pairingCodeLifetime())));
    }

    private void connect(
            Store store, Keys keys, @Nullable WebVerificationHandler verification, @Nullable PhoneNumber pairingPhone) {
        int current = ++generation;
        var serializer = new MemoryControllerSerializer(new MemoryControllerSerializer.Checkpoints() {
            @Override
            public void changed() {
                execute(current, CobaltConnection.this::saveChanges);
            }

            @Override
            public void deleted() {
                execute(current, () -> onVerdict(new StreamVerdict.Ended(Ending.LOGGED_OUT, "logged_out")));
            }
        });
        var socket = CobaltClient.create(
                store, keys, serializer, settings, pairingPhone, new CobaltErrorHandler(sessionId), verification);
        socket.addListener(new CobaltEvents(this, current, socket, requests, inbound, clock));
        client = socket;
        socket.connect().whenComplete((ignored, failure) -> {
            if (failure != null) {
                execute(current, () -> {
                    LOG.info(
                            "{}: cannot reach WhatsApp: {}",
                            sessionId,
                            CobaltRequests.causeOf(failure).toString());
                    finish(new TransportEvent.Disconnected("connect_failed"));
                });
            }
        });
    }

    // Called from CobaltEvents, on the steps thread.

    void onLoggedIn(int socketGeneration, CobaltClient socket) {
        // Runs even for an abandoned socket: one that logs in late must not stay connected.
        if (closed || ended || socketGeneration != generation) {
            socket.disconnect();
            return;
        }
        loggedIn = true;
        logins++;
        verdict = null;
        String phone = AuthStateCodec.phoneOf(socket.store());
        if (!paired) {
            emitPaired(socket, phone);
        }
        emit(new TransportEvent.Connected(phone));
    }

    void onVerdict(StreamVerdict next) {
        if (!(verdict instanceof StreamVerdict.Ended)) {
            verdict = next;
        }
        CobaltClient socket = client;
        if (next instanceof StreamVerdict.Transient restart
                && restart.reason().equals("restart_required")
                && !paired
                && socket != null
                && socket.store().jid().isPresent()) {
            // The phone scanned: WhatsApp restarts the stream before the first login. Hand the
            // credentials out now, so a failing restart does not lose the new link.
            emitPaired(socket, AuthStateCodec.phoneOf(socket.store()));
        }
        if (next instanceof StreamVerdict.Ended end) {
            finish(new TransportEvent.LoggedOut(end.ending(), end.reason()));
        }
    }

    void onSocketClosed() {
        loggedIn = false;
        int loginsBefore = logins;
        boolean cobaltRestarts = paired
                && verdict instanceof StreamVerdict.Transient restart
                && (restart.reason().equals("restart_required")
                        || restart.reason().equals("stream_ended"));
        Duration wait = cobaltRestarts ? settings.restartGrace() : VERDICT_GRACE;
        int current = generation;
        timers.schedule(
                () -> execute(current, () -> {
                    if (logins != loginsBefore || loggedIn) {
                        return; // Cobalt logged in again by itself
                    }
                    finish(
                            verdict instanceof StreamVerdict.Ended end
                                    ? new TransportEvent.LoggedOut(end.ending(), end.reason())
                                    : new TransportEvent.Disconnected(
                                            verdict instanceof StreamVerdict.Transient t
                                                    ? t.reason()
                                                    : "connection_lost"));
                }),
                wait.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void onPairingRefs(int socketGeneration, List<String> refs) {
        qrs.refs(refs);
        showFirstQr(socketGeneration);
    }

    void emit(TransportEvent event) {
        if (!closed) {
            listener.on(event);
        }
    }

    private void showFirstQr(int socketGeneration) {
        if (qrs.ready() && qrs.untouched()) {
            showNextQr(socketGeneration);
        }
    }

    private void showNextQr(int socketGeneration) {
        if (paired) {
            return;
        }
        Optional<TransportEvent.QrCodeIssued> qr = qrs.next(clock.instant());
        if (qr.isEmpty()) {
            // Every ref of this socket expired unscanned: WhatsApp wants a new socket for more.
            CobaltClient spent = client;
            if (spent != null) {
                spent.disconnect();
            }
            connectForPairing();
            return;
        }
        emit(qr.get());
        timers.schedule(
                () -> execute(socketGeneration, () -> showNextQr(socketGeneration)),
                qrs.currentLifetime().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void emitPaired(CobaltClient socket, String phone) {
        device = AuthStateCodec.deviceOf(socket.keys());
        paired = true;
        emit(new TransportEvent.Paired(phone, checkpoint()));
    }

    /** Hands changed credentials to the owner to store, once the device is linked. */
    private void saveChanges() {
        byte[] before = authState;
        byte[] now = checkpoint();
        if (paired && now != null && !java.util.Arrays.equals(before, now)) {
            emit(new TransportEvent.CredentialsUpdated(now));
        }
    }

    /** Encodes Cobalt's current state; remembers it for a resume in this process once the device is linked. */
    private byte[] checkpoint() {
        CobaltClient socket = client;
        if (socket == null) {
            return authState;
        }
        try {
            authState = AuthStateCodec.encode(socket.keys(), socket.store());
            if (paired && device != null) {
                cache.remember(sessionId, device, authState);
            }
        } catch (RuntimeException e) {
            // Cobalt mutates its keys while we read them; the next checkpoint comes within a ping.
            LOG.debug("{}: auth state checkpoint skipped: {}", sessionId, e.toString());
        }
        return authState;
    }

    /** Reports how the link ended, once, and lets the socket go. */
    private void finish(TransportEvent ending) {
        if (ended) {
            return;
        }
        ended = true;
        loggedIn = false;
        if (ending instanceof TransportEvent.LoggedOut) {
            cache.forget(sessionId);
        }
        emit(ending);
        requests.failAll("the connection to WhatsApp ended");
        CobaltClient socket = client;
        if (socket != null) {
            socket.disconnect();
        }
    }

    // The port.

    @Override
    public CompletionStage<SendOutcome> send(OutboundMessage message) {
        return requests.send(message);
    }

    @Override
    public CompletionStage<Void> presence(Jid chat, ChatPresence presence) {
        return requests.presence(chat, presence);
    }

    @Override
    public CompletionStage<Optional<Jid>> lookup(String phoneNumber) {
        return requests.lookup(phoneNumber);
    }

    @Override
    public CompletionStage<GroupMetadata> joinGroup(String inviteCode) {
        return requests.joinGroup(inviteCode);
    }

    @Override
    public CompletionStage<GroupMetadata> groupMetadata(Jid group) {
        return requests.groupMetadata(group);
    }

    @Override
    public CompletionStage<Void> logout() {
        CobaltClient socket = client;
        cache.forget(sessionId);
        if (closed || socket == null || !loggedIn) {
            close();
            return CompletableFuture.completedFuture(null);
        }
        // Silent from here: the "device removed" that follows is the answer, not news.
        closed = true;
        return socket.logout()
                .orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .handle((ignored, failure) -> {
                    shutDown(socket);
                    if (failure != null) {
                        throw new CompletionException(CobaltRequests.causeOf(failure));
                    }
                    return null;
                });
    }

    @Override
    public void close() {
        if (closed && steps.isShutdown()) {
            return;
        }
        closed = true;
        shutDown(client);
    }

    private void shutDown(@Nullable CobaltClient socket) {
        loggedIn = false;
        requests.failAll("the connection to WhatsApp was closed");
        if (socket != null) {
            socket.disconnect();
        }
        steps.shutdown();
    }

    boolean closed() {
        return closed;
    }

    private CobaltClient liveClient() {
        CobaltClient socket = client;
        if (closed || !loggedIn || socket == null) {
            throw new IllegalStateException("not connected to WhatsApp");
        }
        return socket;
    }

    /** Runs {@code step} on the connection's thread unless the connection stopped or moved to another socket. */
    void execute(int socketGeneration, Runnable step) {
        execute(() -> {
            if (!ended && socketGeneration == generation) {
                step.run();
            }
        });
    }

    /** Runs {@code step} on the connection's thread unless the connection was closed. */
    void execute(Runnable step) {
        try {
            steps.execute(() -> {
                if (closed) {
                    return;
                }
                try {
                    step.run();
                } catch (RuntimeException e) {
                    LOG.error("{}: Cobalt adapter step failed", sessionId, e);
                }
            });
        } catch (RejectedExecutionException e) {
            // closed: nothing more to do
        }
    }
}
