package io.wagate.api.auth;

/**
 * Who is calling: the organization and key behind the request's bearer token. Controllers take it
 * as an argument; {@link BearerAuthFilter} has resolved it before any {@code /v1} route runs.
 */
public record Caller(String organizationId, String keyId, boolean admin) {

    static final String ATTRIBUTE = "wagate.caller";
}
