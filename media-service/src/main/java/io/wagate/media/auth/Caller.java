package io.wagate.media.auth;

/** Who is calling: the organization an API key belongs to, as api-service vouches for it. */
public record Caller(String organizationId, String keyId, boolean admin) {

    /** The request attribute {@link ApiKeyFilter} puts the caller in, for controllers to bind. */
    public static final String ATTRIBUTE = "wagate.caller";
}
