-- Fencing: every instance that starts running a session claims the next epoch; its writes and
-- sends carry the epoch and are refused once another instance has claimed a newer one.
ALTER TABLE sessions ADD COLUMN owner_epoch BIGINT NOT NULL DEFAULT 0;
