package io.wagate.session.sending;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BrazilianNumbersTest {

    @Test
    void aNineDigitMobileNumberLosesItsNinthDigit() {
        assertThat(BrazilianNumbers.otherForm("5511987654321")).contains("551187654321");
        assertThat(BrazilianNumbers.otherForm("5521999990000")).contains("552199990000");
    }

    @Test
    void anEightDigitMobileNumberGainsTheNinthDigit() {
        assertThat(BrazilianNumbers.otherForm("551187654321")).contains("5511987654321");
        assertThat(BrazilianNumbers.otherForm("558196543210")).contains("5581996543210");
    }

    @Test
    void landlinesOtherCountriesAndMalformedNumbersHaveNoOtherForm() {
        assertThat(BrazilianNumbers.otherForm("551133334444")).as("a landline").isEmpty();
        assertThat(BrazilianNumbers.otherForm("5511887654321"))
                .as("13 digits without the 9")
                .isEmpty();
        assertThat(BrazilianNumbers.otherForm("5501987654321"))
                .as("area code 01")
                .isEmpty();
        assertThat(BrazilianNumbers.otherForm("15550001111")).isEmpty();
        assertThat(BrazilianNumbers.otherForm("447700900123")).isEmpty();
        assertThat(BrazilianNumbers.otherForm("55119876543210")).isEmpty();
    }
}
