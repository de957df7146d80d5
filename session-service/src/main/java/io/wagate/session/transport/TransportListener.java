package io.wagate.session.transport;

/** Receives what happens on one connection. Must return quickly: adapters call it from their own threads. */
@FunctionalInterface
public interface TransportListener {

    void on(TransportEvent event);
}
