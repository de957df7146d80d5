-- Every message a session was asked to send (over HTTP, or straight to Kafka and learnt from its
-- events), with its current status and how it got there.
CREATE TABLE messages (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL,
    session_id      text        NOT NULL,
    recipient       text        NOT NULL,
    type            text,
    client_ref      text,
    metadata        jsonb       NOT NULL DEFAULT '{}',
    status          text        NOT NULL CHECK (status IN ('queued', 'sent', 'delivered', 'read', 'played', 'failed')),
    wa_message_id   text,
    error_code      text,
    error_message   text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX messages_by_session ON messages (session_id, created_at DESC);

-- One row per status event; the event id makes a replayed event a no-op.
CREATE TABLE message_events (
    event_id      text PRIMARY KEY,
    message_id    text        NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    status        text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    error_code    text,
    error_message text
);

CREATE INDEX message_events_by_message ON message_events (message_id, occurred_at);
