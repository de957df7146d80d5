package io.wagate.media;

import com.github.f4b6a3.ulid.UlidCreator;

/** Prefixed ULIDs: sortable by creation, and the prefix tells what an id names. */
public final class Ids {

    public static final String MEDIA = "med";

    private Ids() {}

    public static String newMediaId() {
        return MEDIA + "_" + UlidCreator.getMonotonicUlid();
    }
}
