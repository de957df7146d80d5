-- The W3C trace context a message's command carried (ADR 0011): every event of the message continues
-- that trace, also when it is sent, or its receipts arrive, after a crash or on another instance.
ALTER TABLE outbound_messages ADD COLUMN traceparent TEXT;
