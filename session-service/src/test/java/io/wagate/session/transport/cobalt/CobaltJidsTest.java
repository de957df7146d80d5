package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.session.transport.Jid;
import it.auties.whatsapp.model.jid.JidServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CobaltJidsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "5511999999999@s.whatsapp.net",
                "120363025246125888@g.us",
                "5511999999999-1612345678@g.us",
                "123456789012345@lid",
                "120363144038483540@newsletter"
            })
    void everyAddressWeKnowSurvivesTheTripThroughCobalt(String text) {
        // Given
        Jid jid = Jid.parse(text).orElseThrow();

        // When
        it.auties.whatsapp.model.jid.Jid cobalt = CobaltJids.toCobalt(jid);

        // Then
        assertThat(cobalt.toString()).isEqualTo(text);
        assertThat(CobaltJids.fromCobalt(cobalt)).contains(jid);
    }

    @Test
    void aUserIsAddressedOnTheServerTheWireSpeaks() {
        var cobalt = CobaltJids.toCobalt(new Jid("5511999999999", Jid.Server.USER));

        assertThat(cobalt.server()).isEqualTo(JidServer.whatsapp());
        assertThat(cobalt.device()).isZero();
    }

    @Test
    void aDeviceOfAnAccountIsTheAccount() {
        var device = it.auties.whatsapp.model.jid.Jid.of("5511999999999:12@s.whatsapp.net");

        assertThat(CobaltJids.fromCobalt(device)).contains(new Jid("5511999999999", Jid.Server.USER));
    }

    @Test
    void theLegacyUserServerIsAUser() {
        var legacy = it.auties.whatsapp.model.jid.Jid.of("5511999999999", JidServer.user(), 0, 0);

        assertThat(CobaltJids.fromCobalt(legacy)).contains(new Jid("5511999999999", Jid.Server.USER));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status@broadcast", "s.whatsapp.net", "12345@call", "abc@s.whatsapp.net"})
    void addressesWeHaveNoWordForAreLeftOut(String text) {
        assertThat(CobaltJids.fromCobalt(it.auties.whatsapp.model.jid.Jid.of(text)))
                .isEmpty();
    }
}
