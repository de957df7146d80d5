package io.wagate.session.transport;

/**
 * WhatsApp answered a request (not a send) with a refusal, such as an expired invite or an unknown
 * group. {@code code} is a stable lower_snake reason (invalid_invite, group_not_found, not_a_member...).
 */
public class WhatsAppRefusalException extends RuntimeException {

    private final String code;

    public WhatsAppRefusalException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
