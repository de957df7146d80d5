package io.wagate.session.runtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.wagate.session.SessionRef;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sessions this instance runs right now, at most one {@link SessionRunner} per session. */
@Singleton
public class SessionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);
    // Closing a socket after the drain is quick; this bounds it should the adapter hang.
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(5);

    private final ConcurrentMap<String, SessionRunner> runners = new ConcurrentHashMap<>();
    private final SessionCollaborators with;

    SessionRegistry(SessionCollaborators with, MeterRegistry meters) {
        this.with = with;
        Gauge.builder("wagate.sessions.owned", runners, Map::size)
                .description("Sessions this instance runs (those of its partitions)")
                .register(meters);
    }

    public Optional<SessionRunner> find(String sessionId) {
        return Optional.ofNullable(runners.get(sessionId));
    }

    /** How many sessions run here. */
    public int size() {
        return runners.size();
    }

    /**
     * Starts running a recorded session unless it runs already; without credentials it pairs by code
     * for {@code pairingPhoneNumber} when given, else by QR. The future completes once its socket is
     * opening (not connected: that is announced by events).
     */
    public CompletableFuture<Void> start(SessionRef session, OpenReason reason, @Nullable String pairingPhoneNumber) {
        var fresh = new SessionRunner[1];
        runners.computeIfAbsent(session.sessionId(), id -> fresh[0] = new SessionRunner(session, with, this::forget));
        if (fresh[0] == null) {
            return CompletableFuture.completedFuture(null);
        }
        return fresh[0].start(reason, pairingPhoneNumber).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("{}: could not start", session.sessionId(), failure);
                forget(fresh[0]);
                fresh[0].close(Duration.ZERO);
            }
        });
    }

    public CompletableFuture<Void> start(SessionRef session, OpenReason reason) {
        return start(session, reason, null);
    }

    /**
     * Closes every session whose id matches (those of revoked partitions), each once its message in
     * flight is settled, waiting a bounded time until their sockets are closed.
     */
    public void stop(Predicate<String> sessionIds) {
        List<SessionRunner> leaving = runners.values().stream()
                .filter(runner -> sessionIds.test(runner.session().sessionId()))
                .toList();
        leaving.forEach(this::forget);
        Duration drain = with.settings().revokeDrainTimeout();
        List<CompletableFuture<Void>> closed =
                leaving.stream().map(runner -> runner.close(drain)).toList();
        try {
            CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new))
                    .get(drain.plus(CLOSE_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("closing {} sessions: {}", leaving.size(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!leaving.isEmpty()) {
            LOG.info("stopped {} sessions", leaving.size());
        }
    }

    /**
     * Drops every session at once, as a crash of this instance would: sockets cut, nothing recorded
     * or announced, no drain. Failover tests and the failover benchmark use it; whoever owns the
     * partitions next resumes the sessions from what PostgreSQL holds.
     */
    public void haltAll() {
        List<SessionRunner> all = List.copyOf(runners.values());
        runners.clear();
        all.forEach(SessionRunner::halt);
        LOG.warn("halted {} sessions", all.size());
    }

    private void forget(SessionRunner runner) {
        runners.remove(runner.session().sessionId(), runner);
    }

    @PreDestroy
    void stopAll() {
        stop(sessionId -> true);
    }
}
