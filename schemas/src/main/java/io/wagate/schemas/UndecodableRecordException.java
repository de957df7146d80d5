package io.wagate.schemas;

/** A record on a wagate topic whose bytes are not a single-object-encoded record of the contract. */
public final class UndecodableRecordException extends RuntimeException {

    public UndecodableRecordException(String message) {
        super(message);
    }

    public UndecodableRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
