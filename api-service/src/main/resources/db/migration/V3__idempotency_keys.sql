-- A send made with an Idempotency-Key, per organization: a retry with the same key and request
-- answers the first outcome instead of sending again. message_id is null while the first request
-- is still being handled.
CREATE TABLE idempotency_keys (
    organization_id text        NOT NULL,
    key             text        NOT NULL,
    request_hash    text        NOT NULL,
    message_id      text,
    client_ref      text,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, key)
);

CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
