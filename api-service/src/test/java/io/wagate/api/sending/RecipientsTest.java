package io.wagate.api.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wagate.api.error.ApiError;
import io.wagate.api.error.ApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecipientsTest {

    @ParameterizedTest
    @CsvSource({
        "5511999999999, 5511999999999@s.whatsapp.net",
        "14155552671, 14155552671@s.whatsapp.net",
        "447911123456, 447911123456@s.whatsapp.net",
        "5511988887777, 5511988887777@s.whatsapp.net"
    })
    void aValidMsisdnBecomesAUserJid(String to, String jid) {
        assertThat(Recipients.normalize(to)).isEqualTo(jid);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "+5511999999999",
                "55 11 99999 9999",
                "55-11-999999999",
                "abc",
                "1234",
                "5511999",
                "0011999999999",
                "9991234567",
                "55119999999999999"
            })
    void anythingElseWithoutAnAtIsAnInvalidPhoneNumber(String to) {
        assertInvalidPhoneNumber(to);
    }

    @ParameterizedTest
    @CsvSource({
        "5511999999999@s.whatsapp.net, 5511999999999@s.whatsapp.net",
        "5511999999999@c.us, 5511999999999@s.whatsapp.net",
        "120363025246125486@g.us, 120363025246125486@g.us",
        "5511999999999-1588888888@g.us, 5511999999999-1588888888@g.us",
        "123456789012345@lid, 123456789012345@lid",
        "120363144038483540@newsletter, 120363144038483540@newsletter"
    })
    void eachJidKindIsAcceptedAndTheCUsAliasBecomesSWhatsAppNet(String to, String jid) {
        assertThat(Recipients.normalize(to)).isEqualTo(jid);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5511999999999@example.com",
                "5511999999999@",
                "@s.whatsapp.net",
                "abc@s.whatsapp.net",
                "55119-99999999@s.whatsapp.net",
                "5511999999999@c.us@c.us",
                "12-34-56@g.us",
                "abc@g.us",
                "x1@lid",
                "news@newsletter",
                "5511999999999@S.WHATSAPP.NET"
            })
    void aMalformedOrUnsupportedJidIsAnInvalidRecipient(String to) {
        assertThatThrownBy(() -> Recipients.normalize(to))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isInstanceOf(ApiError.InvalidRecipient.class));
    }

    private static void assertInvalidPhoneNumber(String to) {
        assertThatThrownBy(() -> Recipients.normalize(to))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.error()).isInstanceOf(ApiError.InvalidPhoneNumber.class));
    }
}
