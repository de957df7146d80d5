package io.wagate.session.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JidTest {

    @ParameterizedTest
    @CsvSource({
        "5511999999999@s.whatsapp.net, 5511999999999@s.whatsapp.net",
        "5511999999999, 5511999999999@s.whatsapp.net",
        "5511999999999@c.us, 5511999999999@s.whatsapp.net",
        "120363025246125486@g.us, 120363025246125486@g.us",
        "5511999999999-1617181920@g.us, 5511999999999-1617181920@g.us",
        "140737488355328@lid, 140737488355328@lid",
        "120363144038483540@newsletter, 120363144038483540@newsletter"
    })
    void everyAddressTheContractAllowsIsReadAsItsJid(String recipient, String jid) {
        assertThat(Jid.parse(recipient)).map(Jid::toString).hasValue(jid);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "+5511999999999",
                "55 11 99999 9999",
                "not-a-number",
                "5511999999999@whatsapp.net",
                "abc@s.whatsapp.net",
                "@s.whatsapp.net",
                "5511999999999@",
                "5511-999@s.whatsapp.net",
                "12345678901234567890123@s.whatsapp.net",
                "5511999999999@s.whatsapp.net@g.us"
            })
    void anythingElseIsNotAWhatsAppAddress(String recipient) {
        assertThat(Jid.parse(recipient)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "1-2"})
    void aMalformedJidCannotBeBuiltAtAll(String user) {
        assertThatThrownBy(() -> new Jid(user, Jid.Server.USER)).isInstanceOf(IllegalArgumentException.class);
    }
}
