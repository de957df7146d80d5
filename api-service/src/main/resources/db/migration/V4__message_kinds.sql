-- Every kind of message: inbound ones are listed beside outbound ones, edits, deletions and
-- reactions name the message they act on.
ALTER TABLE messages ADD COLUMN direction text NOT NULL DEFAULT 'outbound' CHECK (direction IN ('outbound', 'inbound'));
ALTER TABLE messages ADD COLUMN sender text;
ALTER TABLE messages ADD COLUMN target_message_id text;
ALTER TABLE messages DROP CONSTRAINT messages_status_check;
ALTER TABLE messages ADD CONSTRAINT messages_status_check
    CHECK (status IN ('queued', 'sent', 'delivered', 'read', 'played', 'failed', 'received'));

-- Lists page by id (ULIDs sort by time), newest first.
CREATE INDEX messages_by_session_and_id ON messages (session_id, id DESC);

-- A send's first outcome, replayed as it was: queued (pending when a synchronous wait ran out),
-- sent with its WhatsApp id, or failed with its reason.
ALTER TABLE idempotency_keys ADD COLUMN status text;
ALTER TABLE idempotency_keys ADD COLUMN wa_message_id text;
ALTER TABLE idempotency_keys ADD COLUMN error_code text;
ALTER TABLE idempotency_keys ADD COLUMN error_message text;
ALTER TABLE idempotency_keys ADD COLUMN pending boolean NOT NULL DEFAULT false;
