package io.wagate.session.sending;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Brazil added a ninth digit (a leading 9) to mobile numbers, but many WhatsApp accounts still live
 * under the old eight-digit form, and some new ones only under the nine-digit form. So a Brazilian
 * mobile number is looked up as given and, if WhatsApp does not know it, in its other form.
 */
final class BrazilianNumbers {

    // 55, a two-digit area code (no zeros), then 9 + 8 digits (new form) or 8 digits from 6 to 9 (old form).
    private static final Pattern NINE_DIGITS = Pattern.compile("55[1-9]{2}9[0-9]{8}");
    private static final Pattern EIGHT_DIGITS = Pattern.compile("55[1-9]{2}[6-9][0-9]{7}");

    private BrazilianNumbers() {}

    /** The same mobile number in its other form, with or without the ninth digit; empty for any other number. */
    static Optional<String> otherForm(String digits) {
        if (NINE_DIGITS.matcher(digits).matches()) {
            return Optional.of(digits.substring(0, 4) + digits.substring(5));
        }
        if (EIGHT_DIGITS.matcher(digits).matches()) {
            return Optional.of(digits.substring(0, 4) + "9" + digits.substring(4));
        }
        return Optional.empty();
    }
}
