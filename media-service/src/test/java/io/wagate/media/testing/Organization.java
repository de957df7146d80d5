package io.wagate.media.testing;

/** An organization api-service knows, with the API key that authenticates as it. */
public record Organization(String id, String apiKey) {}
