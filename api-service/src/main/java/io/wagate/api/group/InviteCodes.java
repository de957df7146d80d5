package io.wagate.api.group;

import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The code of a group invite, given as the code itself or as its https://chat.whatsapp.com/ link. */
final class InviteCodes {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{10,40}");
    private static final Pattern LINK = Pattern.compile(
            "(?:https?://)?(?:www\\.)?chat\\.whatsapp\\.com/(?:invite/)?([A-Za-z0-9]{10,40})/?(?:[?#].*)?");

    private InviteCodes() {}

    /** @throws ApiException {@code invalid_invite} for anything else */
    static String parse(String invite) {
        String trimmed = invite.strip();
        if (CODE.matcher(trimmed).matches()) {
            return trimmed;
        }
        Matcher link = LINK.matcher(trimmed);
        if (link.matches()) {
            return link.group(1);
        }
        throw new ApiException(new ApiError.InvalidInvite(
                "invite must be a group invite code or a https://chat.whatsapp.com/<code> link"));
    }
}
