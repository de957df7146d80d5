package io.wagate.session.transport.cobalt;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The newest auth state each session's Cobalt keys reached in this process. Cobalt's keys keep
 * changing after pairing (Signal ratchets, pre-keys, app-state keys) but the port only hands the
 * auth state out once, in {@code Paired}; resuming from those bytes after a drop would reuse spent
 * ratchet steps. So a resume in the same process starts from the newest state of the same device
 * instead. Memory only; a process restart falls back to the stored bytes.
 */
final class AuthStateCache {

    private final Map<String, Entry> newest = new ConcurrentHashMap<>();

    private record Entry(String device, byte[] authState) {}

    /** The newest known state of {@code device} for this session, else {@code stored}. */
    byte[] freshest(String sessionId, String device, byte[] stored) {
        Entry entry = newest.get(sessionId);
        return entry != null && entry.device().equals(device) ? entry.authState() : stored;
    }

    void remember(String sessionId, String device, byte[] authState) {
        newest.put(sessionId, new Entry(device, authState));
    }

    void forget(String sessionId) {
        newest.remove(sessionId);
    }
}
