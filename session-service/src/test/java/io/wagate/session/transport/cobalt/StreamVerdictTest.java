package io.wagate.session.transport.cobalt;

import static org.assertj.core.api.Assertions.assertThat;

import io.wagate.session.transport.TransportEvent.Ending;
import it.auties.whatsapp.model.node.Node;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamVerdictTest {

    @ParameterizedTest
    @CsvSource({
        "401,LOGGED_OUT,logged_out_from_phone",
        "403,LOGGED_OUT,main_device_gone",
        "402,BANNED,temporarily_banned",
        "406,BANNED,banned"
    })
    void aRefusedLoginThatEndsTheLinkIsAnEnding(int reason, Ending ending, String word) {
        var verdict = StreamVerdict.of(Node.of("failure", Map.of("reason", reason)));

        assertThat(verdict).contains(new StreamVerdict.Ended(ending, word));
    }

    @ParameterizedTest
    @CsvSource({
        "405,client_outdated",
        "409,bad_user_agent",
        "503,whatsapp_unavailable",
        "500,whatsapp_unavailable",
        "418,login_refused_418"
    })
    void aRefusedLoginThatLeavesTheCredentialsValidIsTransient(int reason, String word) {
        assertThat(StreamVerdict.of(Node.of("failure", Map.of("reason", reason))))
                .contains(new StreamVerdict.Transient(word));
    }

    @Test
    void anotherClientTakingTheSessionOverIsAReplacement() {
        var error = Node.of("stream:error", Node.of("conflict", Map.of("type", "replaced")));

        assertThat(StreamVerdict.of(error))
                .contains(new StreamVerdict.Ended(Ending.REPLACED, "replaced_by_another_client"));
    }

    @Test
    void aDeviceRemovedFromThePhoneIsLoggedOut() {
        var error = Node.of("stream:error", Map.of("code", 401), Node.of("conflict", Map.of("type", "device_removed")));

        assertThat(StreamVerdict.of(error))
                .contains(new StreamVerdict.Ended(Ending.LOGGED_OUT, "logged_out_from_phone"));
    }

    @ParameterizedTest
    @CsvSource({"515,restart_required", "503,whatsapp_unavailable", "401,stream_error_401", "999,stream_error_999"})
    void otherStreamErrorsAreTransient(int code, String word) {
        assertThat(StreamVerdict.of(Node.of("stream:error", Map.of("code", code))))
                .contains(new StreamVerdict.Transient(word));
    }

    @Test
    void theEndOfTheStreamIsTransientAndOtherNodesSayNothing() {
        assertThat(StreamVerdict.of(Node.of("xmlstreamend"))).contains(new StreamVerdict.Transient("stream_ended"));
        assertThat(StreamVerdict.of(Node.of("ack", Map.of("class", "message")))).isEmpty();
        assertThat(StreamVerdict.of(Node.of("success"))).isEmpty();
    }
}
