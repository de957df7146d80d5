CREATE TABLE organizations (
    id         text PRIMARY KEY,
    name       text        NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE api_keys (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    name            text,
    key_hash        text        NOT NULL UNIQUE,
    prefix          text        NOT NULL,
    admin           boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL,
    revoked_at      timestamptz
);

CREATE INDEX api_keys_by_organization ON api_keys (organization_id, created_at);

CREATE TABLE sessions (
    id              text PRIMARY KEY,
    organization_id text        NOT NULL REFERENCES organizations (id),
    name            text,
    status          text        NOT NULL CHECK (status IN ('pending', 'qr', 'connecting', 'connected', 'disconnected',
                                                          'logged_out', 'banned', 'replaced', 'deleted')),
    status_reason   text,
    phone_number    text,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    -- created_at of the newest event applied; older events arriving late are ignored
    last_event_at   timestamptz
);

CREATE INDEX sessions_by_organization ON sessions (organization_id, created_at DESC, id DESC);
