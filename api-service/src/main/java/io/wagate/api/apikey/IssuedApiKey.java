package io.wagate.api.apikey;

/** A key just created: the stored row and, this one time, the key itself. */
public record IssuedApiKey(ApiKey stored, ApiKeySecret secret) {}
