package io.wagate.session.command;

/** A command that decodes but cannot be carried out; it goes to the dead-letter topic with {@code reason}. */
final class UnusableCommandException extends RuntimeException {

    private final String reason;

    UnusableCommandException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
