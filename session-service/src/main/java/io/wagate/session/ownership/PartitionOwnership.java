package io.wagate.session.ownership;

import io.wagate.session.SessionRef;
import io.wagate.session.runtime.OpenReason;
import io.wagate.session.runtime.SessionRegistry;
import io.wagate.session.store.SessionRepository;
import io.wagate.session.store.SessionRow;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the commands topic's partition assignment: the sessions of a partition run where the
 * partition is assigned (ADR 0001). Gaining a partition resumes its sessions from their stored
 * credentials (no new QR); losing one closes them before the partition is released.
 */
@Singleton
public class PartitionOwnership {

    private static final Logger LOG = LoggerFactory.getLogger(PartitionOwnership.class);

    private final SessionRepository sessions;
    private final SessionRegistry registry;
    private final ConsumerAssignmentReadiness readiness;

    PartitionOwnership(SessionRepository sessions, SessionRegistry registry, ConsumerAssignmentReadiness readiness) {
        this.sessions = sessions;
        this.registry = registry;
        this.readiness = readiness;
    }

    public void assigned(Collection<Integer> partitions) {
        readiness.markAssigned();
        if (partitions.isEmpty()) {
            return;
        }
        // A failure here leaves the sessions stopped, not lost: the first send to one starts it.
        try {
            List<SessionRow> live = sessions.findLiveInPartitions(partitions);
            for (SessionRow row : live) {
                registry.start(new SessionRef(row.id(), row.organizationId()), row.partition(), OpenReason.RESUMED);
            }
            LOG.info("partitions {} assigned: resuming {} sessions", partitions, live.size());
        } catch (RuntimeException e) {
            LOG.error("partitions {} assigned, but their sessions could not be loaded", partitions, e);
        }
    }

    public void revoked(Collection<Integer> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        registry.stop(partitions);
    }
}
