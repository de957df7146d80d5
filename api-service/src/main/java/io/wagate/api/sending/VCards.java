package io.wagate.api.sending;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.micronaut.core.annotation.Nullable;
import java.util.List;
import java.util.Set;

/**
 * A contact card is given either as a vCard text ({@code {vcard, display_name?}}) or as a name and
 * numbers ({@code {name, phones}}), from which a vCard 3.0 is built the way WhatsApp's own clients
 * write it: a {@code TEL} per number with its {@code waid}, so the recipient can tap to chat.
 */
final class VCards {

    static final int MAX_VCARD_LENGTH = 32_768;
    static final int MAX_NAME_LENGTH = 256;
    static final int MAX_PHONES = 10;

    private static final Set<String> GIVEN = Set.of("vcard", "display_name");
    private static final Set<String> STRUCTURED = Set.of("name", "phones");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private VCards() {}

    @Nullable
    static MessageContent.Contact read(JsonFields card) {
        if (card.has("vcard")) {
            card.allowOnly(GIVEN, "a contact given as a vCard");
            String vcard = card.requiredText("vcard", MAX_VCARD_LENGTH);
            String displayName = card.optionalText("display_name", MAX_NAME_LENGTH);
            if (vcard != null && !looksLikeVCard(vcard)) {
                card.refuse("vcard", "must be a vCard: BEGIN:VCARD ... END:VCARD");
                return null;
            }
            return vcard == null ? null : new MessageContent.Contact(vcard, displayName);
        }
        card.allowOnly(STRUCTURED, "a contact given by name and phones (or give vcard)");
        String name = card.requiredText("name", MAX_NAME_LENGTH);
        List<String> phones = card.stringArray("phones", 1, MAX_PHONES, 32, true);
        for (int i = 0; i < phones.size(); i++) {
            if (!isPhoneNumber(phones.get(i))) {
                card.refuse("phones[" + i + "]", "must be a phone number in international form (e.g. 5511999999999)");
            }
        }
        if (name == null || card.hasErrors()) {
            return null;
        }
        return new MessageContent.Contact(build(name, phones), name);
    }

    /** A vCard 3.0 for a name and numbers in international form (digits, an optional leading '+'). */
    static String build(String name, List<String> phones) {
        StringBuilder vcard = new StringBuilder("BEGIN:VCARD\r\nVERSION:3.0\r\n");
        String escaped = escape(name);
        vcard.append("N:;").append(escaped).append(";;;\r\n");
        vcard.append("FN:").append(escaped).append("\r\n");
        for (String phone : phones) {
            String digits = phone.startsWith("+") ? phone.substring(1) : phone;
            vcard.append("TEL;type=CELL;type=VOICE;waid=")
                    .append(digits)
                    .append(':')
                    .append(international(digits))
                    .append("\r\n");
        }
        return vcard.append("END:VCARD").toString();
    }

    private static boolean looksLikeVCard(String vcard) {
        String trimmed = vcard.strip().toUpperCase(java.util.Locale.ROOT);
        return trimmed.startsWith("BEGIN:VCARD") && trimmed.endsWith("END:VCARD");
    }

    private static boolean isPhoneNumber(String phone) {
        String digits = phone.startsWith("+") ? phone.substring(1) : phone;
        if (!digits.matches("[0-9]{4,15}")) {
            return false;
        }
        try {
            return PHONES.isValidNumber(PHONES.parse("+" + digits, null));
        } catch (NumberParseException e) {
            return false;
        }
    }

    private static String international(String digits) {
        try {
            return PHONES.format(PHONES.parse("+" + digits, null), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return "+" + digits;
        }
    }

    /** vCard 3.0 text values escape backslash, comma, semicolon and line breaks (RFC 2426 5.8.4). */
    static String escape(String value) {
        return value.replace("\\", "\\\\")
                .replace(",", "\\,")
                .replace(";", "\\;")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }
}
