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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live session: its socket and everything that happens to it, handled one step at a time on
 * the session's own (virtual) thread. That thread is the only one that touches the socket, writes
 * the session's row and announces its events, so they go out in the order they happen.
 */
public final class SessionRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRunner.class);
    private static final Duration LOGOUT_TIMEOUT = Duration.ofSeconds(10);

    private final SessionRef session;
    private final int partition;
    private final SessionCollaborators with;
    private final Consumer<SessionRunner> onEnded;
    private final ExecutorService thread;
    private volatile CompletableFuture<Void> connected = new CompletableFuture<>();

    // Confined to the session's thread.
    private volatile @Nullable WhatsAppConnection connection;
    private int generation;
    private SessionStatus status = SessionStatus.PENDING;
    private @Nullable String phoneNumber;
    private String nextConnectedReason = OpenReason.RESUMED.word();
    private boolean ended;
    private int reconnectAttempts;
    private long epoch;

    SessionRunner(SessionRef session, int partition, SessionCollaborators with, Consumer<SessionRunner> onEnded) {
        this.session = session;
        this.partition = partition;
        this.with = with;
        this.onEnded = onEnded;
        this.thread = Executors.newSingleThreadExecutor(
                Thread.ofVirtual().name("session-" + session.sessionId()).factory());
    }

    public SessionRef session() {
        return session;
    }

    public int partition() {
        return partition;
    }

    /** Opens the socket with the stored credentials, or starts a QR pairing when there are none. */
    public CompletableFuture<Void> start(OpenReason reason) {
        return step(() -> {
            epoch = with.fence().claim(session.sessionId());
            open(reason);
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
            if (connection != null && phoneNumber != null) {
                try {
                    connection.logout().toCompletableFuture().get(LOGOUT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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

    /** Stops running the session without changing it (partition revoked, shutdown): it resumes elsewhere. */
    public CompletableFuture<Void> close() {
        var closed = new CompletableFuture<Void>();
        execute(closed::completeExceptionally, () -> {
            closeConnection();
            ended = true;
            connected.completeExceptionally(new SessionNotConnectedException(session.sessionId()));
            closed.complete(null);
        });
        thread.shutdown();
        return closed;
    }

    /** Waits until the session is connected; false when it is not within the timeout or stops meanwhile. */
    public boolean awaitConnected(Duration timeout) {
        try {
            connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
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
     * Sends through the socket; {@code settle} runs on the session's thread with WhatsApp's answer,
     * before any receipt of the message is handled. Completes after {@code settle}; exceptionally with
     * {@link SessionNotConnectedException} when the session is not connected, or with the socket's
     * failure when the outcome is unknown.
     */
    public CompletableFuture<Void> send(OutboundMessage message, Consumer<SendOutcome> settle) {
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
        return settled;
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
        connection = with.transport()
                .open(
                        session.sessionId(),
                        credentials == null ? new Pairing.ByQr() : new Pairing.Resume(credentials),
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
            case TransportEvent.Paired paired -> {
                if (!with.vault().store(session.sessionId(), paired.phoneNumber(), paired.authState(), epoch)) {
                    fenced();
                    return;
                }
                phoneNumber = paired.phoneNumber();
                nextConnectedReason = "scanned";
            }
            case TransportEvent.Connected login -> {
                phoneNumber = login.phoneNumber();
                announce(SessionStatus.CONNECTED, nextConnectedReason);
                if (ended) {
                    return;
                }
                nextConnectedReason = "reconnected";
                reconnectAttempts = 0;
                connected.complete(null);
            }
            case TransportEvent.Disconnected lost -> {
                closeConnection();
                announce(SessionStatus.DISCONNECTED, lost.reason());
                scheduleReconnect();
            }
            case TransportEvent.LoggedOut loggedOut -> finish(SessionStatus.LOGGED_OUT, loggedOut.reason());
            case TransportEvent.MessageReceipt receipt -> with.receipts().onReceipt(session, receipt);
            case TransportEvent.PairingCodeIssued code -> LOG.warn("{}: pairing codes are not handled yet", code);
            case TransportEvent.MessageReceived received ->
                LOG.debug("{}: inbound messages are not handled yet", session.sessionId());
        }
    }

    /**
     * Another instance claimed the session (a newer epoch): stop driving it at once, silently — the
     * new owner announces what happens from now on.
     */
    private void fenced() {
        LOG.warn("{}: another instance owns the session now (our epoch {}); stopping here", session.sessionId(), epoch);
        closeConnection();
        ended = true;
        connected.completeExceptionally(new SessionNotConnectedException(session.sessionId()));
        onEnded.accept(this);
        thread.shutdown();
    }

    /** Reconnects after a dropped socket, backing off with jitter while attempts keep failing. */
    private void scheduleReconnect() {
        int attempt = ++reconnectAttempts;
        int current = generation;
        Duration delay = with.settings()
                .reconnectDelay(
                        attempt,
                        java.util.concurrent.ThreadLocalRandom.current().nextDouble());
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

    private void finish(SessionStatus finalStatus, String reason) {
        // Stop first: should recording or announcing fail, a retried command finishes from the stored state.
        closeConnection();
        ended = true;
        connected.completeExceptionally(new SessionNotConnectedException(session.sessionId()));
        onEnded.accept(this);
        thread.shutdown();
        if (with.sessions().endLinkOwned(session.sessionId(), finalStatus.name(), epoch) == 0) {
            LOG.warn("{}: not ended here: another instance owns it now", session.sessionId());
            return;
        }
        status = finalStatus;
        with.events().publish(session, new SessionEvent.StatusChanged(finalStatus, reason, phoneNumber));
        LOG.info("{} {} ({})", session.sessionId(), finalStatus, reason);
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
        if (connection != null) {
            connection.close();
            connection = null;
            generation++;
        }
        if (connected.isDone() && !connected.isCompletedExceptionally()) {
            connected = new CompletableFuture<>();
        }
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

    /** Runs {@code task} on the session's thread; a failure, or the session having stopped, goes to {@code onFailure}. */
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
