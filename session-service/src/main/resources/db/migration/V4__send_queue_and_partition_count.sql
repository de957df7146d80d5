-- The send queue (ADR 0007). A SendMessage is recorded here, with outbound_messages' PENDING row, in
-- one transaction before its Kafka offset is committed; the session's runner then sends its queued
-- messages in seq order. A row leaves the queue once the message's outcome is recorded AND announced,
-- so whoever runs the session next (after a crash, a rebalance) sends or announces what is left.
-- command is the SendMessage exactly as it arrived (Avro single-object encoding).
CREATE TABLE send_queue (
    message_id TEXT PRIMARY KEY REFERENCES outbound_messages (message_id) ON DELETE CASCADE,
    session_id TEXT        NOT NULL,
    seq        BIGINT      GENERATED ALWAYS AS IDENTITY,
    command    BYTEA       NOT NULL,
    queued_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX send_queue_session_idx ON send_queue (session_id, seq);

-- The partition a session's key hashes to depends on the commands topic's partition count; a row
-- remembers the count its partition was computed for, so a grown topic re-homes it (ADR 0001).
-- NULL: recorded before the count was kept, computed again on the next assignment.
ALTER TABLE sessions ADD COLUMN partition_count INTEGER;

-- Banned and replaced sessions are not resumed by themselves either.
DROP INDEX sessions_partition_idx;
CREATE INDEX sessions_partition_idx ON sessions ("partition")
    WHERE status NOT IN ('LOGGED_OUT', 'DELETED', 'BANNED', 'REPLACED');
