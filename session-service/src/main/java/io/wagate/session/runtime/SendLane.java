package io.wagate.session.runtime;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that sends a session's queued messages: a virtual thread started when there may be
 * something to send and gone once the queue is empty, so an idle session has none. At most one per
 * session at a time, which is what keeps a session's messages in order; it waits (typing, pacing,
 * WhatsApp's ack) without holding up the session's events or any other session.
 */
final class SendLane {

    private static final Logger LOG = LoggerFactory.getLogger(SendLane.class);
    private static final ThreadFactory THREADS =
            Thread.ofVirtual().name("send-", 0).factory();
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    private final String sessionId;
    private final Runnable sendQueued;
    private boolean running;
    private boolean wanted;
    private boolean stopped;
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

    SendLane(String sessionId, Runnable sendQueued) {
        this.sessionId = sessionId;
        this.sendQueued = sendQueued;
    }

    /** There may be something to send: start the lane, or have it look again once it is done. */
    synchronized void wake() {
        wanted = true;
        if (!running && !stopped) {
            running = true;
            idle = new CompletableFuture<>();
            THREADS.newThread(this::run).start();
        }
    }

    /** Takes no more messages; completes once the lane has finished with the current one, if any. */
    synchronized CompletableFuture<Void> stop() {
        stopped = true;
        return idle;
    }

    private void run() {
        while (true) {
            synchronized (this) {
                if (stopped || !wanted) {
                    running = false;
                    idle.complete(null);
                    return;
                }
                wanted = false;
            }
            try (var ignored = org.slf4j.MDC.putCloseable("session_id", sessionId)) {
                sendQueued.run();
            } catch (RuntimeException e) {
                // The messages stay queued: look again a little later rather than spin on a broken database.
                LOG.error("{}: sending queued messages failed; trying again in {}", sessionId, RETRY_AFTER_FAILURE, e);
                CompletableFuture.delayedExecutor(RETRY_AFTER_FAILURE.toMillis(), TimeUnit.MILLISECONDS)
                        .execute(this::wake);
            }
        }
    }
}
