package io.wagate.session.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import io.wagate.session.Placement;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SessionRepository extends GenericRepository<SessionRow, String> {

    Optional<SessionRow> findById(String id);

    /**
     * The sessions to run for these partitions: every one that runs by itself (not logged out,
     * banned, replaced or deleted).
     */
    @Query("SELECT * FROM sessions WHERE \"partition\" IN (:partitions)"
            + " AND status NOT IN ('LOGGED_OUT', 'DELETED', 'BANNED', 'REPLACED') ORDER BY created_at")
    List<SessionRow> findLiveInPartitions(Collection<Integer> partitions);

    /** Sessions that run by themselves whose partition was computed for another partition count. */
    @Query("SELECT * FROM sessions WHERE partition_count IS DISTINCT FROM :partitionCount"
            + " AND status NOT IN ('LOGGED_OUT', 'DELETED', 'BANNED', 'REPLACED')")
    List<SessionRow> findLiveNotPlacedFor(int partitionCount);

    /** Records a new session as pending; a session already recorded is left as it is. */
    @Query("INSERT INTO sessions (id, organization_id, \"partition\", partition_count, status, created_at, updated_at)"
            + " VALUES (:id, :organizationId, :partition, :partitionCount, 'PENDING', now(), now())"
            + " ON CONFLICT (id) DO NOTHING")
    void insertIfAbsent(String id, String organizationId, int partition, int partitionCount);

    /** A session's partition moves when the topic's partition count changes. */
    @Query("UPDATE sessions SET \"partition\" = :partition, partition_count = :partitionCount, updated_at = now()"
            + " WHERE id = :id")
    void updatePartition(String id, int partition, int partitionCount);

    /** Moves a recorded session to where its commands arrive now, when it is recorded elsewhere. */
    default void moveTo(SessionRow row, Placement placement) {
        if (row.partition() != placement.partition()
                || !Integer.valueOf(placement.partitionCount()).equals(row.partitionCount())) {
            updatePartition(row.id(), placement.partition(), placement.partitionCount());
        }
    }

    @Query("UPDATE sessions SET owner_epoch = owner_epoch + 1 WHERE id = :id")
    int advanceEpoch(String id);

    @Query("SELECT owner_epoch FROM sessions WHERE id = :id")
    long epochOf(String id);

    @Query("SELECT count(*) FROM sessions WHERE id = :id AND owner_epoch = :epoch")
    long countOwned(String id, long epoch);

    /** A status change by the instance holding {@code epoch}; 0 when another instance owns the session. */
    @Query("UPDATE sessions SET status = :status, phone_number = COALESCE(:phoneNumber, phone_number),"
            + " updated_at = now() WHERE id = :id AND owner_epoch = :epoch")
    int updateStatusOwned(String id, String status, @Nullable String phoneNumber, long epoch);

    /** New credentials, stored by the instance holding {@code epoch}; 0 when fenced. */
    @Query("UPDATE sessions SET phone_number = :phoneNumber, auth_state = :authState, updated_at = now()"
            + " WHERE id = :id AND owner_epoch = :epoch")
    int updateCredentialsOwned(String id, String phoneNumber, byte[] authState, long epoch);

    /** Ends the link (see {@link #endLink}) for the instance holding {@code epoch}; 0 when fenced. */
    @Query("UPDATE sessions SET status = :status, auth_state = NULL, updated_at = now()"
            + " WHERE id = :id AND owner_epoch = :epoch")
    int endLinkOwned(String id, String status, long epoch);

    /** Ends the link for good: the credentials are forgotten with it. */
    @Query("UPDATE sessions SET status = :status, auth_state = NULL, updated_at = now() WHERE id = :id")
    void endLink(String id, String status);

    /** Records a deletion of a session this service never saw, so a late connect is refused. */
    @Query("INSERT INTO sessions (id, organization_id, \"partition\", partition_count, status, created_at,"
            + " updated_at) VALUES (:id, :organizationId, :partition, :partitionCount, 'DELETED', now(), now())"
            + " ON CONFLICT (id) DO UPDATE SET status = 'DELETED', auth_state = NULL, updated_at = now()")
    void markDeleted(String id, String organizationId, int partition, int partitionCount);
}
