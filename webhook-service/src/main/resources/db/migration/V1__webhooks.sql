-- Endpoints are soft-deleted so that deliveries and attempts keep pointing at something.
CREATE TABLE endpoints (
    id              text        PRIMARY KEY,
    organization_id text        NOT NULL,
    url             text        NOT NULL,
    description     text,
    -- Empty means every event type.
    event_types     text[]      NOT NULL DEFAULT '{}',
    -- Standard Webhooks secret (whsec_...). Rotation will move signing keys to a table of their own.
    secret          text        NOT NULL,
    enabled         boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    deleted_at      timestamptz
);
CREATE INDEX endpoints_live_by_organization ON endpoints (organization_id, id) WHERE deleted_at IS NULL;

-- One row per event received, holding the exact body every delivery of it sends.
CREATE TABLE events (
    id              text        PRIMARY KEY,
    organization_id text        NOT NULL,
    session_id      text        NOT NULL,
    type            text        NOT NULL,
    payload         text        NOT NULL,
    created_at      timestamptz NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_by_organization ON events (organization_id, created_at);

CREATE TABLE deliveries (
    id               text        PRIMARY KEY,
    event_id         text        NOT NULL REFERENCES events (id),
    endpoint_id      text        NOT NULL REFERENCES endpoints (id),
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz,
    -- A dispatcher owns a claimed delivery until locked_until; lease_token tells a late writer it lost it.
    locked_until     timestamptz,
    lease_token      uuid,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_by_event ON deliveries (event_id);

CREATE TABLE delivery_attempts (
    id            text        PRIMARY KEY,
    delivery_id   text        NOT NULL REFERENCES deliveries (id),
    attempted_at  timestamptz NOT NULL,
    status_code   integer,
    latency_ms    integer     NOT NULL,
    -- The first KiB of the answer, for the subscriber's debugging.
    response_body text,
    -- A lower_snake code when no HTTP answer came (timeout, connect_error, url_not_allowed, ...).
    error         text
);
CREATE INDEX delivery_attempts_by_delivery ON delivery_attempts (delivery_id, attempted_at);
