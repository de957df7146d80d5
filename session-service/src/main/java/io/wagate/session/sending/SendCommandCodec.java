package io.wagate.session.sending;

/** Reads a queued SendMessage (stored as it arrived on the commands topic) back into a request. */
public interface SendCommandCodec {

    SendRequest decode(byte[] encoded);
}
