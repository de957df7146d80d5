-- One row per stored object; the bytes are in S3 under storage_key.
CREATE TABLE media (
    id              text        PRIMARY KEY,
    organization_id text        NOT NULL,
    -- What it was prepared as (image, voice_note, ...); NULL for an upload any kind may use.
    kind            text,
    -- What clients and WhatsApp are told, e.g. "audio/ogg; codecs=opus".
    mimetype        text        NOT NULL,
    -- What the bytes are, as the detector names it, e.g. "audio/opus".
    detected_type   text        NOT NULL,
    size            bigint      NOT NULL,
    -- Hex SHA-256 of the stored bytes.
    sha256          text        NOT NULL,
    filename        text,
    -- upload | url | base64 | inbound | converted
    origin          text        NOT NULL,
    storage_key     text        NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX media_by_organization ON media (organization_id, id);
