package io.wagate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EdgeProxyRoutingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "/v1/webhooks, WEBHOOK",
        "/v1/webhooks/whk_1/attempts, WEBHOOK",
        "/v1/events, WEBHOOK",
        "/v1/media, MEDIA",
        "/v1/media/med_1/content, MEDIA",
        "/v1/mediafiles, API",
        "/v1/sessions/sess_1/messages, API",
        "/v1/organizations, API"
    })
    void eachPublicPathGoesToTheServiceThatServesIt(String path, Service service) {
        assertThat(EdgeProxy.serviceFor(path)).isEqualTo(service);
    }
}
