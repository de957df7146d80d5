package io.wagate.webhook;

import com.github.f4b6a3.ulid.UlidCreator;

/** Prefixed ULIDs: sortable by creation, and the prefix tells what an id names. */
public final class Ids {

    private Ids() {}

    public static String newId(String prefix) {
        return prefix + "_" + UlidCreator.getMonotonicUlid();
    }
}
