package io.wagate.session.sending;

/**
 * Composing a message needed an answer that did not come (media-service down, WhatsApp's lookup
 * timing out). Nothing is wrong with the request: composing it again later may work.
 */
public final class CompositionDeferredException extends RuntimeException {

    CompositionDeferredException(String message, Throwable cause) {
        super(message, cause);
    }
}
