package io.wagate.api.group;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InviteCodesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "FvB4kDpQn1x8Zc2Wqa0Rj9",
                " FvB4kDpQn1x8Zc2Wqa0Rj9 ",
                "https://chat.whatsapp.com/FvB4kDpQn1x8Zc2Wqa0Rj9",
                "http://chat.whatsapp.com/FvB4kDpQn1x8Zc2Wqa0Rj9/",
                "chat.whatsapp.com/FvB4kDpQn1x8Zc2Wqa0Rj9",
                "https://chat.whatsapp.com/invite/FvB4kDpQn1x8Zc2Wqa0Rj9",
                "https://chat.whatsapp.com/FvB4kDpQn1x8Zc2Wqa0Rj9?mode=ac_t"
            })
    void aCodeOrItsLinkGivesTheCode(String invite) {
        assertThat(InviteCodes.parse(invite)).isEqualTo("FvB4kDpQn1x8Zc2Wqa0Rj9");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "short",
                "https://example.com/FvB4kDpQn1x8Zc2Wqa0Rj9",
                "https://chat.whatsapp.com.evil.example/FvB4kDpQn1x8Zc2Wqa0Rj9",
                "FvB4kDpQn1x8Zc2Wqa0Rj9; DROP"
            })
    void anythingElseIsAnInvalidInvite(String invite) {
        assertThatThrownBy(() -> InviteCodes.parse(invite))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isInstanceOf(ApiError.InvalidInvite.class));
    }
}
