package io.wagate.api.message;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a send's {@code to} into the JID session-service sends to: an MSISDN (international form,
 * digits only) becomes {@code <digits>@s.whatsapp.net}, {@code @c.us} (the old alias) becomes
 * {@code @s.whatsapp.net}, and group, LID and newsletter JIDs pass as they are.
 */
public final class Recipients {

    static final String USER_SERVER = "s.whatsapp.net";
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,32}");
    private static final Pattern GROUP = Pattern.compile("[0-9]{1,32}(-[0-9]{1,32})?");
    private static final Map<String, Pattern> USER_PART_BY_SERVER =
            Map.of(USER_SERVER, DIGITS, "c.us", DIGITS, "g.us", GROUP, "lid", DIGITS, "newsletter", DIGITS);
    private static final int MAX_MSISDN_DIGITS = 15;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private Recipients() {}

    /** @throws ApiException {@code invalid_phone_number} when {@code to} is neither */
    public static String normalize(String to) {
        int at = to.indexOf('@');
        if (at < 0) {
            return msisdn(to) + "@" + USER_SERVER;
        }
        String user = to.substring(0, at);
        String server = to.substring(at + 1);
        Pattern userPart = USER_PART_BY_SERVER.get(server);
        if (userPart == null) {
            throw invalid("unsupported JID server \"" + server
                    + "\"; use @s.whatsapp.net, @c.us, @g.us, @lid or @newsletter");
        }
        if (!userPart.matcher(user).matches()) {
            throw invalid("the user part of a @" + server + " JID must be digits"
                    + (server.equals("g.us") ? " (and one '-')" : ""));
        }
        return user + "@" + (server.equals("c.us") ? USER_SERVER : server);
    }

    private static String msisdn(String to) {
        if (!DIGITS.matcher(to).matches() || to.length() > MAX_MSISDN_DIGITS) {
            throw invalid("a phone number is digits only, in international form without '+' (e.g. 5511999999999)");
        }
        try {
            var number = PHONES.parse("+" + to, null);
            if (!PHONES.isPossibleNumber(number) || !PHONES.isValidNumber(number)) {
                throw invalid(to + " is not a valid phone number in international form (country code first)");
            }
        } catch (NumberParseException e) {
            throw invalid(to + " is not a phone number in international form: " + e.getMessage());
        }
        return to;
    }

    private static ApiException invalid(String message) {
        return new ApiException(new ApiError.InvalidPhoneNumber(message));
    }
}
