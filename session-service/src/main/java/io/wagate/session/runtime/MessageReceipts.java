package io.wagate.session.runtime;

import io.wagate.session.SessionRef;
import io.wagate.session.transport.TransportEvent;

/** Takes the receipts a session's socket reports, on the session's own thread, in order. */
public interface MessageReceipts {

    void onReceipt(SessionRef session, TransportEvent.MessageReceipt receipt);
}
