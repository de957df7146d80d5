package io.wagate.session;

/**
 * Where a session's commands arrive: {@code partition} of a commands topic with
 * {@code partitionCount} partitions. The instance that owns that partition runs the session.
 */
public record Placement(int partition, int partitionCount) {

    public Placement {
        if (partitionCount < 1 || partition < 0 || partition >= partitionCount) {
            throw new IllegalArgumentException("no partition " + partition + " of " + partitionCount);
        }
    }
}
