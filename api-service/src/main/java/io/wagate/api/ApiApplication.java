package io.wagate.api;

import io.micronaut.runtime.Micronaut;

/** The public HTTP API: organizations, API keys, sessions and sends. */
public final class ApiApplication {

    private ApiApplication() {}

    public static void main(String[] args) {
        Micronaut.run(ApiApplication.class, args);
    }
}
