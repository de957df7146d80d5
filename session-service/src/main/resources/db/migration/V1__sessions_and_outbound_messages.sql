-- Every session of this service's partitions, with the credentials that let it reconnect without a new QR.
CREATE TABLE sessions (
    id              TEXT PRIMARY KEY,
    organization_id TEXT        NOT NULL,
    "partition"     INTEGER     NOT NULL,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'QR', 'CONNECTING', 'CONNECTED', 'DISCONNECTED',
                                                           'LOGGED_OUT', 'BANNED', 'REPLACED', 'DELETED')),
    phone_number    TEXT,
    auth_state      BYTEA,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

-- Resuming a partition loads its live sessions.
CREATE INDEX sessions_partition_idx ON sessions ("partition") WHERE status NOT IN ('LOGGED_OUT', 'DELETED');

-- One row per SendMessage command, written before WhatsApp sees the message, so a replayed command
-- finds it and is not sent twice. wa_message_id is derived from message_id; receipts find rows by it.
CREATE TABLE outbound_messages (
    message_id      TEXT PRIMARY KEY,
    session_id      TEXT        NOT NULL,
    organization_id TEXT        NOT NULL,
    wa_message_id   TEXT UNIQUE,
    recipient       TEXT        NOT NULL,
    client_ref      TEXT,
    metadata        JSONB       NOT NULL DEFAULT '{}'::jsonb,
    status          TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'DELIVERED', 'READ', 'PLAYED', 'FAILED')),
    failure_code    TEXT,
    failure_message TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX outbound_messages_session_idx ON outbound_messages (session_id, created_at);
