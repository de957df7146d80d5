package io.wagate.media.store;

import java.io.InputStream;

/** An object's bytes being read from the store, with their length; close the stream when done. */
public record StoredObject(InputStream stream, long length) {}
