-- The retention job deletes the index's rows by age (wagate.messages.key-retention): it finds them
-- by sent_at instead of reading the whole table.
CREATE INDEX message_keys_sent_at_idx ON message_keys (sent_at);
