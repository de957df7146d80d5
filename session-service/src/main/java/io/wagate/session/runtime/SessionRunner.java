package io.wagate.session.runtime;

import io.micronaut.core.annotation.Nullable;
import io.wagate.session.SessionRef;
import io.wagate.session.SessionStatus;
import io.wagate.session.events.SessionEvent;
import io.wagate.session.store.SessionRow;
import io.wagate.session.transport.OutboundMessage;
import io.wagate.session.transport.Pairing;
import io.wagate.session.transport.SendOutcome;
import io.wagate.session.transport.TransportEvent;
import io.wagate.session.transport.WhatsAppConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live session: its socket and everything that happens to it, handled one step at a time on
 * the session's own serial executor. That executor is the only one that touches the socket, writes
 * the session's row and announces its events, so they go out in the order they happen. Its queued
 * messages go out on the session's {@link SendLane}, which waits (for the connection, pacing,
 * typing, WhatsApp's ack) without holding up either the session's events or other sessions.
 */
public final class SessionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);
    private static final Duration LOGOUT_TIMEOUT = Duration.ofSeconds(10);

    private final SessionRef session;
    private final SessionCollaborators with;
    private final Consumer<SessionRunner> onEnded;
    private final SerialExecutor thread = new SerialExecutor();
    private final SendLane lane;
    private final Instant startedAt = Instant.now();
    private final RunnerSignals signals;
    private volatile long epoch;
    private volatile @Nullable WhatsAppConnection connection;

    // Written on the session's executor only; status and ended are read by other threads too.
    private volatile SessionStatus status = SessionStatus.PENDING;
    private volatile boolean ended;
    private int generation;
    private @Nullable String phoneNumber;
    private @Nullable String pairingPhoneNumber;
    private String nextConnectedReason = OpenReason.RESUMED.word();
    private int reconnectAttempts;
    private int pairingCodes;

    SessionRunner(SessionRef session, SessionCollaborators with, Consumer<SessionRunner> onEnded) {
        this.session = session;
        this.with = with;
        this.onEnded = onEnded;
        this.signals = new RunnerSignals(session.sessionId());
        this.lane = new SendLane(session.sessionId(), () -> with.outbox().sendQueued(this));
    }

    public SessionRef session() {
        return session;
    }

    /** When this runner was created: on this instance, the session has been running since. */
    public Instant startedAt() {
        return startedAt;
    }

    /** The ownership epoch this runner claimed; its writes count only while it is the newest. */
    public long epoch() {
        return epoch;
    }

    /**
     * Opens the socket with the stored credentials, or starts a pairing when there are none: by code
     * for {@code pairingPhoneNumber}, else by QR. Then sends whatever is queued.
     */
    public CompletableFuture<Void> start(OpenReason reason, @Nullable String pairingPhoneNumber) {
        return step(() -> {
            epoch = with.fence().claim(session.sessionId());
            this.pairingPhoneNumber = pairingPhoneNumber;
            open(reason);
            lane.wake();
        });
    }

    /** Drops the pairing under way (QR or code) and pairs by a code for this phone number instead. */
    public CompletableFuture<Void> pairByCode(String phoneNumber) {
        return step(() -> {
            closeConnection();
            pairingPhoneNumber = phoneNumber;
            open(OpenReason.REQUESTED);
        });
    }

    /** Closes the socket and opens it again with the same credentials. */
    public CompletableFuture<Void> restart() {
        return step(() -> {
            closeConnection();
            open(OpenReason.RESTARTED);
        });
    }

    /**
     * Unlinks the device if it is linked, forgets the credentials and stops the session for good,
     * as {@code finalStatus} (LOGGED_OUT or DELETED).
     */
    public CompletableFuture<Void> end(SessionStatus finalStatus, String reason) {
        return step(() -> {
            WhatsAppConnection live = connection;
            if (live != null && phoneNumber != null) {
                try {
                    live.logout().toCompletableFuture().get(LOGOUT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException | TimeoutException e) {
                    // The credentials are dropped below either way; WhatsApp forgets an unused device in time.
                    LOG.warn("{}: logout not confirmed by WhatsApp: {}", session.sessionId(), e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            finish(finalStatus, reason);
        });
    }

    /** A message may have been queued for the session: have its send lane look. */
    public void wakeSender() {
        lane.wake();
    }

    /**
     * Stops running the session without changing it (partition revoked, shutdown): it resumes
     * elsewhere. Takes no more messages, waits up to {@code drain} for the one in flight to be
     * settled, then closes the socket.
     */
    public CompletableFuture<Void> close(Duration drain) {
        var closed = new CompletableFuture<Void>();
        stopSending(drain).whenComplete((ignored, e) -> {
            execute(closed::completeExceptionally, () -> {
                closeConnection();
                ended = true;
                signals.ended();
                closed.complete(null);
            });
            thread.shutdown();
        });
        return closed;
    }

    /**
     * Stops at once as a crash would: the socket is cut, nothing is recorded or announced, queued
     * work is dropped. What was in flight is left to whoever runs the session next.
     */
    public void halt() {
        ended = true;
        thread.halt();
        lane.stop();
        signals.stopTakingWork();
        signals.abandon();
        signals.ended();
        WhatsAppConnection live = connection;
        if (live != null) {
            live.close();
        }
    }

    /**
     * Takes no more messages; completes once the message in flight, if any, is settled, or after
     * {@code drain} at the latest (its outcome is then left to whoever sends it next).
     */
    public CompletableFuture<Void> stopSending(Duration drain) {
        signals.stopTakingWork();
        return lane.stop()
                .completeOnTimeout(null, drain.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, e) -> signals.abandon());
    }

    /** Whether the send lane may take another message: false once the session is stopping. */
    public boolean takingWork() {
        return signals.takingWork();
    }

    /** Waits until the session is connected; false when it is not within the timeout or stops meanwhile. */
    public boolean awaitConnected(Duration timeout) {
        return signals.awaitConnected(timeout);
    }

    /** Waits {@code duration}, or less if the session stops meanwhile; false when it stopped. */
    public boolean pause(Duration duration) {
        return signals.pause(duration);
    }

    /**
     * The socket while the session is connected, for requests that are not sends (lookups, group
     * metadata, presence); its methods may be called from any thread.
     *
     * @throws SessionNotConnectedException when the session is not connected
     */
    public WhatsAppConnection liveConnection() {
        WhatsAppConnection live = connection;
        if (ended || live == null || status != SessionStatus.CONNECTED) {
            throw new SessionNotConnectedException(session.sessionId());
        }
        return live;
    }

    /**
     * Sends through the socket; {@code settle} runs on the session's executor with WhatsApp's
     * answer, before any receipt of the message is handled. Completes after {@code settle};
     * exceptionally with {@link SessionNotConnectedException} when the message was not handed to
     * WhatsApp (not connected, or another instance owns the session now), or with the socket's
     * failure when the outcome is unknown. Waits at most {@code timeout}, less once the session
     * is abandoned.
     *
     * @throws TimeoutException when WhatsApp's answer did not come in time (an unknown outcome)
     */
    public void send(OutboundMessage message, Consumer<SendOutcome> settle, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        var settled = new CompletableFuture<Void>();
        execute(settled::completeExceptionally, () -> {
            if (ended || connection == null || status != SessionStatus.CONNECTED) {
                throw new SessionNotConnectedException(session.sessionId());
            }
            if (!with.fence().holds(session.sessionId(), epoch)) {
                fenced();
                throw new SessionNotConnectedException(session.sessionId());
            }
            // Once handed to WhatsApp, a stopped session means an unknown outcome, not a message never sent.
            Consumer<RuntimeException> unknown = failure -> settled.completeExceptionally(
                    failure instanceof SessionNotConnectedException
                            ? new IllegalStateException("answer to " + message.waMessageId() + " lost: session stopped")
                            : failure);
            connection
                    .send(message)
                    .whenComplete((outcome, failure) -> execute(unknown, () -> {
                        if (failure != null) {
                            settled.completeExceptionally(failure);
                        } else {
                            settle.accept(outcome);
                            settled.complete(null);
                        }
                    }));
        });
        signals.awaitSettled(settled, timeout, message.waMessageId());
    }

    private void open(OpenReason reason) {
        SessionRow row = with.sessions()
                .findById(session.sessionId())
                .orElseThrow(() -> new IllegalStateException("session " + session.sessionId() + " is not recorded"));
        phoneNumber = row.phoneNumber();
        nextConnectedReason = reason.word();
        byte[] credentials = with.vault().credentialsOf(row);
        if (credentials == null) {
            announce(SessionStatus.PENDING, reason.word());
            if (ended) {
                return;
            }
        } else {
            // Not announced: with credentials the next thing said is "connected" (or why not).
            status = SessionStatus.CONNECTING;
        }
        int current = ++generation;
        pairingCodes = 0;
        Pairing pairing = credentials != null
                ? new Pairing.Resume(credentials)
                : pairingPhoneNumber != null ? new Pairing.ByCode(pairingPhoneNumber) : new Pairing.ByQr();
        connection = with.transport()
                .open(
                        session.sessionId(),
                        pairing,
                        event -> execute(
                                failure -> LOG.error(
                                        "{}: handling {} failed",
                                        session.sessionId(),
                                        event.getClass().getSimpleName(),
                                        failure),
                                () -> {
                                    if (current == generation && !ended) {
                                        handle(event);
                                    }
                                }));
    }

    private void handle(TransportEvent event) {
        switch (event) {
            case TransportEvent.QrCodeIssued qr -> {
                if (qr.rotation() > with.settings().qrMaxRotations()) {
                    // Nobody scanned: stop showing QRs until someone asks to connect again.
                    closeConnection();
                    announce(SessionStatus.DISCONNECTED, "qr_timeout");
                    return;
                }
                if (status != SessionStatus.QR) {
                    announce(SessionStatus.QR, "qr_ready");
                    if (ended) {
                        return;
                    }
                }
                with.events().publish(session, new SessionEvent.QrUpdated(qr.qr(), qr.expiresAt(), qr.rotation()));
            }
            case TransportEvent.PairingCodeIssued code -> pairingCodeIssued(code);
            case TransportEvent.Paired paired -> {
                if (!with.vault().store(session.sessionId(), paired.phoneNumber(), paired.authState(), epoch)) {
                    fenced();
                    return;
                }
                phoneNumber = paired.phoneNumber();
                nextConnectedReason = pairingPhoneNumber == null ? "scanned" : "pairing_code_entered";
                pairingPhoneNumber = null;
            }
            case TransportEvent.CredentialsUpdated updated -> {
                if (phoneNumber != null
                        && !with.vault().store(session.sessionId(), phoneNumber, updated.authState(), epoch)) {
                    fenced();
                }
            }
            case TransportEvent.Connected login -> {
                phoneNumber = login.phoneNumber();
                announce(SessionStatus.CONNECTED, nextConnectedReason);
                if (ended) {
                    return;
                }
                nextConnectedReason = "reconnected";
                reconnectAttempts = 0;
                signals.connected();
            }
            case TransportEvent.Disconnected lost -> {
                closeConnection();
                announce(SessionStatus.DISCONNECTED, lost.reason());
                scheduleReconnect();
            }
            case TransportEvent.LoggedOut loggedOut ->
                finish(
                        switch (loggedOut.ending()) {
                            case LOGGED_OUT -> SessionStatus.LOGGED_OUT;
                            case BANNED -> SessionStatus.BANNED;
                            case REPLACED -> SessionStatus.REPLACED;
                        },
                        loggedOut.reason());
            case TransportEvent.MessageReceipt receipt -> with.receipts().onReceipt(session, receipt);
            case TransportEvent.MessageReceived received -> with.inbound().onMessage(session, received.message());
        }
    }

    /** Like a QR, a code nobody enters is shown a limited number of times. */
    private void pairingCodeIssued(TransportEvent.PairingCodeIssued code) {
        if (++pairingCodes > with.settings().qrMaxRotations()) {
            closeConnection();
            announce(SessionStatus.DISCONNECTED, "pairing_code_timeout");
            return;
        }
        if (pairingCodes == 1) {
            announce(SessionStatus.PENDING, "pairing_code_ready");
            if (ended) {
                return;
            }
        }
        String phone = pairingPhoneNumber == null ? "" : pairingPhoneNumber;
        with.events().publish(session, new SessionEvent.PairingCodeIssued(code.code(), phone, code.expiresAt()));
    }

    /** A write of this runner's was refused for its epoch: another instance runs the session now. */
    public void ownedElsewhere() {
        execute(failure -> {}, () -> {
            if (!ended) {
                fenced();
            }
        });
    }

    /**
     * Another instance claimed the session (a newer epoch): stop driving it at once, silently — the
     * new owner announces what happens from now on.
     */
    private void fenced() {
        LOG.warn("{}: another instance owns the session now (our epoch {}); stopping here", session.sessionId(), epoch);
        lane.stop();
        signals.stopTakingWork();
        signals.abandon();
        closeConnection();
        ended = true;
        signals.ended();
        onEnded.accept(this);
        thread.shutdown();
    }

    /** Reconnects after a dropped socket, backing off with jitter while attempts keep failing. */
    private void scheduleReconnect() {
        int attempt = ++reconnectAttempts;
        int current = generation;
        Duration delay = with.settings()
                .reconnectDelay(attempt, ThreadLocalRandom.current().nextDouble());
        LOG.info("{}: reconnecting in {} ms (attempt {})", session.sessionId(), delay.toMillis(), attempt);
        CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS)
                .execute(() -> execute(
                        failure -> LOG.warn("{}: reconnect attempt {} failed", session.sessionId(), attempt, failure),
                        () -> {
                            if (!ended && current == generation && connection == null) {
                                status = SessionStatus.CONNECTING;
                                nextConnectedReason = "reconnected";
                                open(OpenReason.RECONNECTED);
                            }
                        }));
    }

    /**
     * Ends the session for good. A replaced session keeps its credentials (another client uses the
     * device; a connect takes it back); every other end forgets them. Its queued messages fail.
     */
    private void finish(SessionStatus finalStatus, String reason) {
        // Stop first: should recording or announcing fail, a retried command finishes from the stored state.
        lane.stop();
        signals.stopTakingWork();
        closeConnection();
        ended = true;
        signals.ended();
        onEnded.accept(this);
        thread.shutdown();
        int recorded = finalStatus == SessionStatus.REPLACED
                ? with.sessions().updateStatusOwned(session.sessionId(), finalStatus.name(), null, epoch)
                : with.sessions().endLinkOwned(session.sessionId(), finalStatus.name(), epoch);
        if (recorded == 0) {
            LOG.warn("{}: not ended here: another instance owns it now", session.sessionId());
            return;
        }
        status = finalStatus;
        with.events().publish(session, new SessionEvent.StatusChanged(finalStatus, reason, phoneNumber));
        LOG.info("{} {} ({})", session.sessionId(), finalStatus, reason);
        with.outbox().failQueued(session, epoch, finalStatus);
    }

    private void announce(SessionStatus next, String reason) {
        if (with.sessions().updateStatusOwned(session.sessionId(), next.name(), phoneNumber, epoch) == 0) {
            fenced();
            return;
        }
        status = next;
        with.events().publish(session, new SessionEvent.StatusChanged(next, reason, phoneNumber));
        LOG.info("{} {} ({})", session.sessionId(), next, reason);
    }

    private void closeConnection() {
        WhatsAppConnection live = connection;
        if (live != null) {
            live.close();
            connection = null;
            generation++;
        }
        signals.disconnected();
    }

    private CompletableFuture<Void> step(Runnable task) {
        var done = new CompletableFuture<Void>();
        execute(done::completeExceptionally, () -> {
            if (ended) {
                throw new SessionNotConnectedException(session.sessionId());
            }
            task.run();
            done.complete(null);
        });
        return done;
    }

    /** Runs {@code task} on the session's executor; a failure, or the session having stopped, goes to {@code onFailure}. */
    private void execute(Consumer<RuntimeException> onFailure, Runnable task) {
        try {
            thread.execute(() -> {
                try (var ignored = org.slf4j.MDC.putCloseable("session_id", session.sessionId())) {
                    task.run();
                } catch (RuntimeException e) {
                    onFailure.accept(e);
                }
            });
        } catch (RejectedExecutionException e) {
            onFailure.accept(new SessionNotConnectedException(session.sessionId()));
        }
    }
}
