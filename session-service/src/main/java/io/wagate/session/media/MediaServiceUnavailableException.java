package io.wagate.session.media;

/** media-service did not answer, or answered outside its contract; the same request may work later. */
public final class MediaServiceUnavailableException extends RuntimeException {

    public MediaServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public MediaServiceUnavailableException(String message) {
        super(message);
    }
}
