-- Every message of a session's chats that a later message may point at (quote it, react to it, edit
-- or delete it): inbound ones as they arrive, ours as they are composed. Targets are named by our
-- msg_ id or by the WhatsApp id, so both are indexed. A WhatsApp id is unique per session only: two
-- of our sessions in one group see the same message. from_me is WhatsApp's flag (the phone itself
-- may have written an inbound message); inbound says whether the message arrived or was composed here.
CREATE TABLE message_keys (
    session_id    TEXT        NOT NULL,
    wa_message_id TEXT        NOT NULL,
    message_id    TEXT        NOT NULL,
    chat          TEXT        NOT NULL,
    sender        TEXT,
    from_me       BOOLEAN     NOT NULL,
    inbound       BOOLEAN     NOT NULL,
    kind          TEXT        NOT NULL,
    preview       TEXT,
    sent_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (session_id, wa_message_id)
);

CREATE UNIQUE INDEX message_keys_message_id_idx ON message_keys (message_id);
