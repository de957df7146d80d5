package io.wagate.session.ownership;

import io.wagate.session.SessionRef;
import io.wagate.session.runtime.OpenReason;
import io.wagate.session.runtime.SessionRegistry;
import io.wagate.session.store.SessionRepository;
import io.wagate.session.store.SessionRow;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the commands topic's partition assignment: the sessions of a partition run where the
 * partition is assigned (ADR 0001). Gaining a partition resumes its sessions from their stored
 * credentials (no new QR); losing one closes them before the partition is released. A session
 * belongs to the partition its id hashes to for the topic's CURRENT partition count, so after the
 * topic grew, rows placed for the old count are placed again before anything is resumed.
 */
@Singleton
public class PartitionOwnership {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionOwnership.class);

    private final SessionRepository sessions;
    private final SessionRegistry registry;
    private final ConsumerAssignmentReadiness readiness;
    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();
    private volatile int partitionCount;

    PartitionOwnership(SessionRepository sessions, SessionRegistry registry, ConsumerAssignmentReadiness readiness) {
        this.sessions = sessions;
        this.registry = registry;
        this.readiness = readiness;
    }

    /**
     * @param partitions the partitions just added to this instance's assignment (maybe none)
     * @param count how many partitions the commands topic has now
     */
    public void assigned(Collection<Integer> partitions, int count) {
        owned.addAll(partitions);
        boolean grown = count != partitionCount;
        partitionCount = count;
        readiness.markAssigned();
        // A failure here leaves the sessions stopped, not lost: the first command to one starts it.
        try {
            if (grown) {
                placeFor(count);
                // Sessions that hash elsewhere now are another instance's to run.
                registry.stop(sessionId -> !owned.contains(SessionPartitions.of(sessionId, count)));
            }
            if (partitions.isEmpty()) {
                return;
            }
            List<SessionRow> live = sessions.findLiveInPartitions(partitions);
            for (SessionRow row : live) {
                registry.start(new SessionRef(row.id(), row.organizationId()), OpenReason.RESUMED);
            }
            LOG.info("partitions {} of {} assigned: resuming {} sessions", partitions, count, live.size());
        } catch (RuntimeException e) {
            LOG.error("partitions {} assigned, but their sessions could not be loaded", partitions, e);
        }
    }

    public void revoked(Collection<Integer> partitions) {
        owned.removeAll(partitions);
        if (partitions.isEmpty()) {
            return;
        }
        int count = partitionCount;
        registry.stop(sessionId -> partitions.contains(SessionPartitions.of(sessionId, count)));
    }

    /** How many partitions the commands topic had at the last assignment (1 before the first). */
    public int partitionCount() {
        return Math.max(1, partitionCount);
    }

    /** The commands-topic partitions this instance owns now. */
    public Set<Integer> owned() {
        return Set.copyOf(owned);
    }

    /** Moves every live session recorded for another partition count to its partition for {@code count}. */
    private void placeFor(int count) {
        List<SessionRow> misplaced = sessions.findLiveNotPlacedFor(count);
        for (SessionRow row : misplaced) {
            sessions.updatePartition(row.id(), SessionPartitions.of(row.id(), count), count);
        }
        if (!misplaced.isEmpty()) {
            LOG.info("placed {} sessions for {} partitions", misplaced.size(), count);
        }
    }
}
