package io.wagate.api.sending;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a send's {@code to} (or a mention) into the JID session-service sends to: an MSISDN
 * (international form, digits only) becomes {@code <digits>@s.whatsapp.net}, {@code @c.us} (the old
 * alias) becomes {@code @s.whatsapp.net}, and group, LID and newsletter JIDs pass as they are.
 */
public final class Recipients {

    static final String USER_SERVER = "s.whatsapp.net";
    static final String GROUP_SERVER = "g.us";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,32}");
    private static final Pattern GROUP = Pattern.compile("[0-9]{1,32}(-[0-9]{1,32})?");
    private static final Map<String, Pattern> USER_PART_BY_SERVER =
            Map.of(USER_SERVER, DIGITS, "c.us", DIGITS, GROUP_SERVER, GROUP, "lid", DIGITS, "newsletter", DIGITS);
    private static final int MAX_MSISDN_DIGITS = 15;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Recipients() {}

    /** The JID for a send's {@code to}. */
    public static String normalize(String to) {
        return normalize("to", to);
    }

    /**
     * @throws ApiException {@code invalid_phone_number} for a number that is not one, {@code
     *     invalid_recipient} for a malformed or unsupported JID; both name {@code field}
     */
    public static String normalize(String field, String value) {
        int at = value.indexOf('@');
        if (at < 0) {
            return msisdn(field, value) + "@" + USER_SERVER;
        }
        String user = value.substring(0, at);
        String server = value.substring(at + 1);
        Pattern userPart = USER_PART_BY_SERVER.get(server);
        if (userPart == null) {
            throw new ApiException(new ApiError.InvalidRecipient(
                    field,
                    "unsupported JID server \"" + server
                            + "\"; use @s.whatsapp.net, @c.us, @g.us, @lid or @newsletter"));
        }
        if (!userPart.matcher(user).matches()) {
            throw new ApiException(new ApiError.InvalidRecipient(
                    field,
                    "the user part of a @" + server + " JID must be digits"
                            + (server.equals(GROUP_SERVER) ? " (and one '-')" : "")));
        }
        return user + "@" + (server.equals("c.us") ? USER_SERVER : server);
    }

    /** A group's JID, given with or without its {@code @g.us}. */
    public static String group(String field, String value) {
        String jid = normalize(field, value.contains("@") ? value : value + "@" + GROUP_SERVER);
        if (!jid.endsWith("@" + GROUP_SERVER)) {
            throw new ApiException(new ApiError.InvalidRecipient(field, "a group JID ends in @" + GROUP_SERVER));
        }
        return jid;
    }

    /** A normalized JID's chat is a group. */
    public static boolean isGroup(String jid) {
        return jid.endsWith("@" + GROUP_SERVER);
    }

    /**
     * A phone number in international form without '+', checked with libphonenumber.
     *
     * @throws ApiException {@code invalid_phone_number} naming {@code field}
     */
    public static String msisdn(String field, String value) {
        if (!DIGITS.matcher(value).matches() || value.length() > MAX_MSISDN_DIGITS) {
            throw invalidNumber(
                    field, "a phone number is digits only, in international form without '+' (e.g. 5511999999999)");
        }
        try {
            var number = PHONES.parse("+" + value, null);
            if (!PHONES.isPossibleNumber(number) || !PHONES.isValidNumber(number)) {
                throw invalidNumber(
                        field, value + " is not a valid phone number in international form (country code first)");
            }
        } catch (NumberParseException e) {
            throw invalidNumber(field, value + " is not a phone number in international form: " + e.getMessage());
        }
        return value;
    }

    private static ApiException invalidNumber(String field, String message) {
        return new ApiException(new ApiError.InvalidPhoneNumber(field, message));
    }
}
