package io.wagate.session.transport;

import io.micronaut.core.annotation.Nullable;

/**
 * The port to WhatsApp: one linked-device socket per session. Adapters: the deterministic simulator
 * (devstack, tests) and, later, Cobalt (real WhatsApp).
 */
public interface WhatsAppTransport {

    /**
     * Starts connecting a session and returns at once; progress arrives on {@code listener}.
     *
     * @param authState the credentials a previous {@link TransportEvent.Paired} handed out, or
     *     {@code null} to pair anew (by QR)
     * @param listener called from the adapter's threads, never concurrently for one connection
     */
    WhatsAppConnection open(String sessionId, @Nullable byte[] authState, TransportListener listener);
}
