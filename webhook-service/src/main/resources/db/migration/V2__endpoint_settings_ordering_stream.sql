-- Endpoint settings beyond URL and event types, secret rotation, and failure tracking.
ALTER TABLE endpoints
    -- Empty means every session.
    ADD COLUMN session_ids                text[]      NOT NULL DEFAULT '{}',
    -- Deliveries per second, paced; NULL means no limit.
    ADD COLUMN rate_limit                 integer     CHECK (rate_limit IS NULL OR rate_limit > 0),
    ADD COLUMN ordering                   text        NOT NULL DEFAULT 'best_effort'
                                                      CHECK (ordering IN ('best_effort', 'fifo')),
    -- After a rotation the old secret keeps signing too, until it expires.
    ADD COLUMN previous_secret            text,
    ADD COLUMN previous_secret_expires_at timestamptz,
    -- Start of the current run of failed attempts; any success clears it.
    ADD COLUMN failing_since              timestamptz,
    -- Why the service disabled it (gone, failing); NULL when enabled or disabled by its owner.
    ADD COLUMN disabled_reason            text;

-- Events webhook-service makes itself (webhook.endpoint.disabled) belong to no session.
ALTER TABLE events ALTER COLUMN session_id DROP NOT NULL;
-- The event stream's order. Ingesting transactions take an advisory lock before inserting events,
-- so values become visible in the order they were drawn and a reader resuming after one misses none.
ALTER TABLE events ADD COLUMN seq bigserial NOT NULL;
CREATE UNIQUE INDEX events_stream ON events (organization_id, seq);
CREATE INDEX events_by_seq ON events (seq);
CREATE INDEX events_by_received_at ON events (received_at);

-- FIFO endpoints deliver one session's events in the order they were ingested (seq).
ALTER TABLE deliveries
    ADD COLUMN session_id text,
    ADD COLUMN seq        bigserial NOT NULL;
UPDATE deliveries d SET session_id = e.session_id FROM events e WHERE e.id = d.event_id;
CREATE INDEX deliveries_fifo ON deliveries (endpoint_id, session_id, seq) WHERE status = 'pending';
-- Due deliveries are claimed endpoint by endpoint, so a backlog of one never slows the claim of others.
CREATE INDEX deliveries_due_by_endpoint ON deliveries (endpoint_id, next_attempt_at) WHERE status = 'pending';
CREATE INDEX deliveries_by_endpoint ON deliveries (endpoint_id, status, created_at);

-- The attempt log is read per endpoint and per event, newest first.
ALTER TABLE delivery_attempts
    ADD COLUMN endpoint_id text,
    ADD COLUMN event_id    text;
UPDATE delivery_attempts a SET endpoint_id = d.endpoint_id, event_id = d.event_id
    FROM deliveries d WHERE d.id = a.delivery_id;
ALTER TABLE delivery_attempts
    ALTER COLUMN endpoint_id SET NOT NULL,
    ALTER COLUMN event_id SET NOT NULL;
CREATE INDEX delivery_attempts_by_endpoint ON delivery_attempts (endpoint_id, id);
CREATE INDEX delivery_attempts_by_event ON delivery_attempts (event_id, id);
