package io.wagate.session.transport;

/**
 * The port to WhatsApp: one linked-device socket per session. Adapters: the deterministic simulator
 * (devstack, tests) and Cobalt (real WhatsApp), chosen by {@code wagate.transport}.
 */
public interface WhatsAppTransport {

    /**
     * Starts connecting a session and returns at once; progress arrives on {@code listener}.
     *
     * @param pairing resume with stored credentials, or pair anew by QR or by code
     * @param listener called from the adapter's threads, never concurrently for one connection
     */
    WhatsAppConnection open(String sessionId, Pairing pairing, TransportListener listener);
}
