package io.wagate.api;

import com.github.f4b6a3.ulid.UlidCreator;

/** Prefixed ULIDs, the id format every wagate service shares. */
public final class Ids {

    private Ids() {}

    public static String organization() {
        return next("org_");
    }

    public static String apiKey() {
        return next("key_");
    }

    public static String session() {
        return next("sess_");
    }

    public static String message() {
        return next("msg_");
    }

    public static String command() {
        return next("cmd_");
    }

    private static String next(String prefix) {
        return prefix + UlidCreator.getMonotonicUlid();
    }
}
