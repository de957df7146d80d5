package io.wagate.session.runtime;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.wagate.session.SessionRef;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The sessions this instance runs right now, at most one {@link SessionRunner} per session. */
@Singleton
public class SessionRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(SessionRegistry.class);

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

    /**
     * Starts running a recorded session unless it runs already. The future completes once its
     * socket is opening (not connected: that is announced by events).
     */
    public CompletableFuture<Void> start(SessionRef session, int partition, OpenReason reason) {
        var fresh = new SessionRunner[1];
        runners.computeIfAbsent(
                session.sessionId(), id -> fresh[0] = new SessionRunner(session, partition, with, this::forget));
        if (fresh[0] == null) {
            return CompletableFuture.completedFuture(null);
        }
        return fresh[0].start(reason).whenComplete((ignored, failure) -> {
            if (failure != null) {
                LOG.error("{}: could not start", session.sessionId(), failure);
                forget(fresh[0]);
                fresh[0].close();
            }
        });
    }

    /** Closes every session of these partitions, waiting (a bounded time) until their sockets are closed. */
    public void stop(Collection<Integer> partitions) {
        List<SessionRunner> leaving = runners.values().stream()
                .filter(runner -> partitions.contains(runner.partition()))
                .toList();
        leaving.forEach(this::forget);
        List<CompletableFuture<Void>> closed =
                leaving.stream().map(SessionRunner::close).toList();
        try {
            CompletableFuture.allOf(closed.toArray(CompletableFuture[]::new))
                    .get(with.settings().stepTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("closing {} sessions of partitions {}: {}", leaving.size(), partitions, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!leaving.isEmpty()) {
            LOG.info("stopped {} sessions of partitions {}", leaving.size(), partitions);
        }
    }

    private void forget(SessionRunner runner) {
        runners.remove(runner.session().sessionId(), runner);
    }

    @PreDestroy
    void stopAll() {
        stop(runners.values().stream().map(SessionRunner::partition).distinct().toList());
    }
}
