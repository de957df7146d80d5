-- The W3C trace context each event arrived with, so its deliveries continue the send's trace.
ALTER TABLE events ADD COLUMN traceparent text;
