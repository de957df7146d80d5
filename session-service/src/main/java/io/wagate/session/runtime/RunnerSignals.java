package io.wagate.session.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What threads other than a runner's own wait on — the session being connected, the runner
 * stopping, WhatsApp's answer to a send — so that none waits past the runner's end.
 */
final class RunnerSignals {

    private final String sessionId;
    private final CompletableFuture<Void> stopping = new CompletableFuture<>();
    private final CompletableFuture<Void> abandoned = new CompletableFuture<>();
    private volatile CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile boolean takingWork = true;

    RunnerSignals(String sessionId) {
        this.sessionId = sessionId;
    }

    void connected() {
        connected.complete(null);
    }

    /** The socket is gone: whoever waits from now on waits for the next one. */
    void disconnected() {
        if (connected.isDone() && !connected.isCompletedExceptionally()) {
            connected = new CompletableFuture<>();
        }
    }

    /** The runner ended: whoever waits for a connection gives up. */
    void ended() {
        connected.completeExceptionally(new SessionNotConnectedException(sessionId));
    }

    /** No more messages are taken; pauses and waits for a connection end now. */
    void stopTakingWork() {
        takingWork = false;
        stopping.complete(null);
    }

    /** Nobody will wait for the message in flight any more (the drain is over, or there is none). */
    void abandon() {
        abandoned.complete(null);
    }

    boolean takingWork() {
        return takingWork;
    }

    /** Waits until the session is connected; false when it is not within the timeout or stops meanwhile. */
    boolean awaitConnected(Duration timeout) {
        CompletableFuture<Void> current = connected;
        try {
            CompletableFuture.anyOf(current, stopping).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return current.isDone() && !current.isCompletedExceptionally() && takingWork;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits {@code duration}, or less if the runner stops meanwhile; false when it stopped. */
    boolean pause(Duration duration) {
        try {
            stopping.get(duration.toMillis(), TimeUnit.MILLISECONDS);
            return false;
        } catch (TimeoutException e) {
            return takingWork;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Waits for a send to be settled, at most {@code timeout}, less once the message in flight is
     * abandoned.
     *
     * @throws ExecutionException with the reason the send was not settled
     * @throws TimeoutException when it was not settled in time: its outcome is unknown
     */
    void awaitSettled(CompletableFuture<Void> settled, Duration timeout, String what)
            throws ExecutionException, TimeoutException, InterruptedException {
        CompletableFuture.anyOf(settled, abandoned).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!settled.isDone()) {
            throw new TimeoutException("session stopped before WhatsApp answered " + what);
        }
        settled.get();
    }
}
