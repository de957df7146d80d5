package io.wagate.webhook.stream;

/** An event as the stream sends it; {@code seq} is its place in the stream, never shown. */
record StreamedEvent(long seq, String id, String type, String payload) {}
