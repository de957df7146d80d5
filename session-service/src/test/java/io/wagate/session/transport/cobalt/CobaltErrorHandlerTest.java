package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;

import it.auties.whatsapp.api.ErrorHandler.Location;
import it.auties.whatsapp.api.ErrorHandler.Result;
import it.auties.whatsapp.exception.HmacValidationException;
import org.junit.jupiter.api.Test;

class CobaltErrorHandlerTest {

    @Test
    void failuresThatBreakTheLoginOrTheEncryptionDropTheSocket() {
        var failure = new RuntimeException("boom");

        assertThat(CobaltErrorHandler.resultFor(Location.LOGIN, failure)).isEqualTo(Result.DISCONNECT);
        assertThat(CobaltErrorHandler.resultFor(Location.CRYPTOGRAPHY, failure)).isEqualTo(Result.DISCONNECT);
        assertThat(CobaltErrorHandler.resultFor(Location.INITIAL_APP_STATE_SYNC, failure))
                .isEqualTo(Result.DISCONNECT);
        assertThat(CobaltErrorHandler.resultFor(Location.MESSAGE, new HmacValidationException("mac")))
                .isEqualTo(Result.DISCONNECT);
    }

    @Test
    void otherFailuresAreLoggedAndTheSocketCarriesOn() {
        var failure = new RuntimeException("boom");

        assertThat(CobaltErrorHandler.resultFor(Location.MESSAGE, failure)).isEqualTo(Result.DISCARD);
        assertThat(CobaltErrorHandler.resultFor(Location.HISTORY_SYNC, failure)).isEqualTo(Result.DISCARD);
        assertThat(CobaltErrorHandler.resultFor(Location.RECONNECT, failure)).isEqualTo(Result.DISCARD);
    }
}
