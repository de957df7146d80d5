package io.wagate.session;

import io.micronaut.runtime.Micronaut;

public final class SessionApplication {

    private SessionApplication() {}

    public static void main(String[] args) {
        Micronaut.run(SessionApplication.class, args);
    }
}
